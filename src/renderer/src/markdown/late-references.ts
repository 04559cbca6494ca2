// Link definitions that arrive late (references at the end of a reply) used to re-parse every
// block that mentions them, all in the frame that ends the reply. Instead, a settled block is
// parsed once with a placeholder definition for every label it could use; its references then
// read their destination from context, so a definition arriving re-renders only the links.
//
// The placeholders cannot lose a link (every label micromark looks up is an innermost bracket
// pair, and each one gets a placeholder), but they can add one: `[i]` in `a[i]` becomes a link
// to a label nobody defines. Such a parse can differ from the real one, so once the reply has
// ended a block whose tree refers to an undefined label is parsed again the old way (RefBody.tsx),
// unless that reference is one whose text is the same either way (see PLAIN_SHORTCUT).
import { createContext } from 'react';
import type { Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { definitionFieldsIn } from './split/verify.ts';

export interface Definition {
  url: string;
  title: string | null | undefined;
}

export interface LateDefinitions {
  /** The message's definition lines (for the exact re-parse). */
  text: string;
  /** By identifier (mdast's: normalized, lower case). */
  byId: ReadonlyMap<string, Definition>;
  /** The reply has ended: no more definitions will come. */
  final: boolean;
}

export const LateDefinitionsContext = createContext<LateDefinitions>({ text: '', byId: new Map(), final: true });

let lastText = '';
let lastById: ReadonlyMap<string, Definition> = new Map();

/**
 * The definition lines made by the splitter, as a lookup. While a reply streams its definitions
 * only grow at the end (definitions-tail.ts), so only the lines added since the last call are
 * parsed.
 */
export function lateDefinitions(text: string, final: boolean): LateDefinitions {
  if (text !== lastText) {
    const grown = lastText !== '' && text.startsWith(lastText + '\n');
    const byId = new Map(grown ? lastById : []);
    const added = grown ? text.slice(lastText.length + 1) : text;
    for (const d of added === '' ? [] : definitionFieldsIn(added)) if (!byId.has(d.identifier)) byId.set(d.identifier, { url: d.url, title: d.title });
    lastText = text;
    lastById = byId;
  }
  return { text, byId: lastById, final };
}

// "[text][label]" and "[text][]" are references for sure. While the reply streams, one whose
// definition has not come yet shows its text, not its brackets (its definition is most likely
// on its way, at the end of the reply); if it never comes, the ended reply shows the brackets,
// as the whole text does.
const FULL_REFERENCE = /\[((?:[^\\[\]\n]|\\.)+)\]\[((?:[^\\[\]\n]|\\.)*)\]/g;

/** Empty definitions (an inert link: its text alone) for the undefined full references in a streaming tail. */
export function pendingReferences(raw: string, byId: ReadonlyMap<string, Definition>): string {
  if (!raw.includes('][')) return '';
  const lines = new Set<string>();
  for (const m of raw.matchAll(FULL_REFERENCE)) {
    const label = m[2] || m[1] || '';
    if (label.trim() === '' || byId.has(normalizeIdentifier(label).toLowerCase())) continue;
    lines.add(`[${label}]: <>`);
  }
  return [...lines].join('\n');
}

/**
 * Whether a settled block takes this path. Not for blocks with images or footnotes (each keeps
 * its own path), or a label across lines (inside a quote or list the source line holds markers
 * the label does not). A block's own definitions come first in its source and win, as in the
 * whole text; the context holds them too (the splitter collects them).
 */
export function referencesByContext(raw: string): boolean {
  if (!raw.includes('[') || raw.includes('![') || raw.includes('[^')) return false;
  return candidateLabels(raw) !== null;
}

const decided = new WeakMap<{ raw: string }, boolean>();

/** referencesByContext for a block that never changes, asked on every frame: scanned once. */
export function blockByContext(block: { raw: string }): boolean {
  let yes = decided.get(block);
  if (yes === undefined) decided.set(block, (yes = referencesByContext(block.raw)));
  return yes;
}

/** The source of every innermost bracket pair (what a label can be), or null if one spans lines. */
export function candidateLabels(raw: string): string[] | null {
  const found = bracketLabels(raw);
  return found && [...found.keys()];
}

/**
 * Innermost bracket pairs by label source; the value says whether every one of them is directly
 * followed by "(" (written as an inline link). Null if one spans lines.
 */
function bracketLabels(raw: string): Map<string, boolean> | null {
  const labels = new Map<string, boolean>();
  let open = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '[') open = i;
    else if (c === ']' && open >= 0) {
      const label = raw.slice(open + 1, i);
      open = -1;
      if (label.includes('\n')) return null;
      if (label.length <= 999 && label.trim() !== '') labels.set(label, (labels.get(label) ?? true) && raw[i + 1] === '(');
    }
  }
  return labels;
}

export interface Placeholders {
  /** The block followed by a placeholder definition for each label it could refer to. */
  source: string;
  /**
   * Labels written only as inline links ("[text](url)"), which get no placeholder: a
   * definition changes nothing for a link that parses, and a cut one ("[was](https://exa") is
   * text unless its label is defined. So the placeholder parse shows it as text, like the exact
   * parse does for the usual case, an undefined label.
   */
  inlineOnly: readonly string[];
}

export function placeholders(raw: string): Placeholders {
  const labels = bracketLabels(raw) ?? new Map<string, boolean>();
  const lines: string[] = [];
  const inlineOnly: string[] = [];
  for (const [label, inline] of labels) {
    if (inline) inlineOnly.push(label);
    else lines.push(`[${label}]: <>`);
  }
  return { source: raw + '\n\n' + lines.join('\n'), inlineOnly };
}

/**
 * Whether the placeholder parse shows what the exact one would, given every definition: each
 * label it linked is defined, and no label left without a placeholder is.
 */
export function placeholdersHold(linked: ReadonlySet<string>, inlineOnly: readonly string[], defs: LateDefinitions): boolean {
  for (const id of linked) if (!defs.byId.has(id)) return false;
  return inlineOnly.every((label) => !defs.byId.has(normalizeIdentifier(label).toLowerCase()));
}

// A shortcut reference ("[block]") whose label is words alone: left undefined, the placeholder
// parse shows "[block]" (LateRefLink) exactly as the real parse does, text for text. Anything
// else in the label (emphasis or code markers, brackets, or what a URL or address needs to be
// autolinked) could parse differently once the brackets are not a link.
const PLAIN_SHORTCUT = /^[\p{L}\p{N} ,'-]*$/u;

/**
 * Remark plugin: marks each reference so its link can look the label up in context, and tells
 * `onLinked` the labels the placeholder parse holds for only if they are defined (every one but
 * plain shortcut references).
 */
export function markReferences(onLinked: (ids: ReadonlySet<string>) => void) {
  return (tree: Root): void => {
    const ids = new Set<string>();
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'linkReference') {
        if (node.referenceType !== 'shortcut' || !PLAIN_SHORTCUT.test(node.label ?? '')) ids.add(node.identifier);
        const suffix = node.referenceType === 'full' ? `[${node.label || node.identifier}]` : node.referenceType === 'collapsed' ? '[]' : '';
        node.data = { ...node.data, hProperties: { dataLateRef: node.identifier, dataLateSuffix: suffix } };
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    onLinked(ids);
  };
}
