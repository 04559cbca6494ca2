import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { REMARK_PLUGINS } from '../grammar.ts';

// The same grammar the renderer uses, so "the real parser agrees" means what the user will see.
const parser = unified().use(remarkParse).use(REMARK_PLUGINS).freeze();

export interface Verdict {
  /** True when a top-level node starts exactly at `offset` (the text before it is closed). */
  boundary: boolean;
  /** Link reference definitions found before `offset`, as markdown lines keyed by identifier. */
  definitions: Array<[string, string]>;
}

let parsedChars = 0;

/** Characters handed to the verifying parser since the last call; read by the benchmark. */
export function takeVerifiedChars(): number {
  const n = parsedChars;
  parsedChars = 0;
  return n;
}

export function parseMarkdown(source: string): Root {
  parsedChars += source.length;
  return parser.parse(source);
}

/**
 * Parses `region` (which starts where nothing is open) and says whether the real parser starts a
 * new top-level node at `offset`. Only then may everything before `offset` be rendered on its own.
 */
export function verifyBoundary(region: string, offset: number): Verdict {
  const root = parseMarkdown(region);
  const boundary = root.children.some((child) => child.position?.start.offset === offset);
  const fields: DefinitionFields[] = [];
  if (boundary) collectDefinitions(root, offset, fields);
  return { boundary, definitions: fields.map(asLine) };
}

/**
 * Definitions in a piece of text (the tail's complete definition lines while it streams, the tail
 * when a stream ends), as markdown lines keyed by identifier.
 */
export function definitionsIn(source: string): Array<[string, string]> {
  return definitionFieldsIn(source).map(asLine);
}

/** The definitions of `source` in order, read by line when that is certain (below), else parsed. */
export function definitionFieldsIn(source: string): DefinitionFields[] {
  const simple = simpleDefinitions(source);
  if (simple) return simple;
  const out: DefinitionFields[] = [];
  collectDefinitions(parseMarkdown(source), source.length, out);
  return out;
}

const asLine = (d: DefinitionFields): [string, string] => [d.identifier, definitionLine(d.identifier, d.url, d.title)];

export interface DefinitionFields {
  identifier: string;
  url: string;
  title: string | null;
}

// A definition on one line whose reading is certain without the parser: a label without escapes,
// entities or brackets (nor "^", a footnote's), a destination without escapes, entities,
// parentheses or quotes, and a "..." title or none. Citation lists at the end of a reply are
// written so, and the lines made by definitionLine below are too unless they needed an escape.
const SIMPLE_DEFINITION = /^\[(?!\^)([^\\[\]&\n]{1,999})\]:[ \t]*(?:<([^<>\\&\n]*)>|([^\s<\\&()"'][^\s\\&()]*))(?:[ \t]+"([^"\\&\n]*)")?[ \t]*$/;

/**
 * The definitions of `source` when every line of it is such a definition (or blank), each read as
 * mdast reads it (an empty title is none); null when any line needs the parser. Parsing them cost
 * the most in the frames where a reply's citations arrive, one line after another.
 */
export function simpleDefinitions(source: string): DefinitionFields[] | null {
  const out: DefinitionFields[] = [];
  for (const line of source.split('\n')) {
    if (line.trim() === '') continue;
    const m = SIMPLE_DEFINITION.exec(line);
    const label = m?.[1] ?? '';
    if (!m || label.trim() === '') return null;
    out.push({ identifier: normalizeIdentifier(label).toLowerCase(), url: m[2] ?? m[3] ?? '', title: m[4] || null });
  }
  return out;
}

// Definitions may sit inside lists, quotes and footnotes, never inside paragraphs or code.
function collectDefinitions(node: Nodes, before: number, out: DefinitionFields[]): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if ((child.position?.start.offset ?? 0) >= before) break;
    if (child.type === 'definition') {
      // The identifier is the label's source text (escapes and character references kept, case
      // folded, which matching ignores); `label` has them decoded and no longer matches "[a\]]".
      out.push({ identifier: child.identifier, url: child.url, title: child.title ?? null });
    } else if (
      child.type === 'list' ||
      child.type === 'listItem' ||
      child.type === 'blockquote' ||
      child.type === 'footnoteDefinition'
    ) {
      collectDefinitions(child, before, out);
    }
  }
}

// Rebuilt rather than sliced from the source: a definition inside a quote carries "> " prefixes.
function definitionLine(label: string, url: string, title: string | null | undefined): string {
  const dest = '<' + url.replace(/[\\<>&\n]/g, (c) => (c === '\n' ? '%0A' : '\\' + c)) + '>';
  const titlePart = title ? ' "' + title.replace(/[\\"&]/g, (c) => '\\' + c) + '"' : '';
  return '[' + label.replace(/\s+/g, ' ') + ']: ' + dest + titlePart;
}
