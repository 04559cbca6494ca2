import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
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
  const definitions: Array<[string, string]> = [];
  if (boundary) collectDefinitions(root, offset, definitions);
  return { boundary, definitions };
}

/** Definitions in a settled piece of text; used once for the tail when a stream ends. */
export function definitionsIn(source: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  collectDefinitions(parseMarkdown(source), source.length, out);
  return out;
}

// Definitions may sit inside lists, quotes and footnotes, never inside paragraphs or code.
function collectDefinitions(node: Nodes, before: number, out: Array<[string, string]>): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if ((child.position?.start.offset ?? 0) >= before) break;
    if (child.type === 'definition') {
      // The identifier is the label's source text (escapes and character references kept, case
      // folded, which matching ignores); `label` has them decoded and no longer matches "[a\]]".
      out.push([child.identifier, definitionLine(child.identifier, child.url, child.title)]);
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
