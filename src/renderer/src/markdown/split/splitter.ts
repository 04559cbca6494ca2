import { closesFence, fenceOpener, htmlBlockEnd, isBlank, isListMarkerLine, needsParser, startsAtColumnZero } from './lines.ts';
import type { Fence } from './lines.ts';
import { definitionsIn, verifyBoundary } from './verify.ts';

export interface StableBlock {
  /** Stable for the life of the message; used as the React key. */
  readonly id: number;
  readonly start: number;
  readonly raw: string;
  /** Whether the block could refer to a link definition elsewhere (it contains a "["). */
  readonly usesRefs: boolean;
}

interface ScanState {
  /** Start of the first line not yet classified (always at or after `tailStart`). */
  readonly lineStart: number;
  readonly fence: Fence | null;
  /** Where the open fence's opening line starts, so the tail can tell it is nothing but code. */
  readonly fenceAt: number;
  readonly html: RegExp | null;
  readonly prevBlank: boolean;
  /** A list marker was seen since the last boundary, so a later marker may continue that list. */
  readonly listSeen: boolean;
  /** Some line since the last boundary needs the real parser to confirm the next boundary. */
  readonly complex: boolean;
}

export interface SplitState {
  readonly text: string;
  /** Blocks that no extension of `text` can change (except through link definitions). */
  readonly blocks: readonly StableBlock[];
  readonly tailStart: number;
  /** The id the tail will receive when it is promoted; the tail renders under this key. */
  readonly nextId: number;
  /** Link definitions from stable blocks, one markdown line each; '' when there are none. */
  readonly definitions: string;
  /** Identifiers of those definitions: the first definition of a label wins, as in CommonMark. */
  readonly definitionIds: ReadonlySet<string>;
  /** Some stable block mentions a footnote, which only a whole-document render numbers right. */
  readonly footnotes: boolean;
  readonly scan: ScanState;
}

const TRUSTED = { boundary: true, definitions: [] } as const;

const EMPTY_SCAN: ScanState = { lineStart: 0, fence: null, fenceAt: -1, html: null, prevBlank: true, listSeen: false, complex: false };

export function emptySplit(firstId = 0): SplitState {
  return {
    text: '',
    blocks: [],
    tailStart: 0,
    nextId: firstId,
    definitions: '',
    definitionIds: new Set(),
    footnotes: false,
    scan: EMPTY_SCAN,
  };
}

/**
 * Splits `text` into stable blocks and a tail. When `text` extends `prev.text` only the new
 * complete lines are looked at; otherwise (an edit or regeneration) it starts over, keeping the
 * ids of blocks that come out identical so their rendered output is reused.
 */
export function splitMarkdown(prev: SplitState | null, text: string): SplitState {
  if (prev && prev.text === text) return prev;
  if (prev && text.startsWith(prev.text)) return advance(prev, text);
  const fresh = advance(emptySplit(prev?.nextId ?? 0), text);
  return prev ? keepIds(prev, fresh) : fresh;
}

export function tailOf(state: SplitState): string {
  return state.text.slice(state.tailStart);
}

/** How the tail ends: inside an open code fence (and whether that fence is all it holds). */
export function tailFence(state: SplitState): 'none' | 'inside' | 'whole' {
  const { fence, fenceAt, lineStart } = state.scan;
  if (!fence) {
    // The unfinished last line may itself open a fence, which then runs to the end.
    const opened = fenceOpener(state.text.slice(lineStart));
    if (!opened || state.scan.html) return 'none';
    return opened.kind === 'code' && lineStart === state.tailStart ? 'whole' : 'inside';
  }
  return fence.kind === 'code' && fenceAt === state.tailStart ? 'whole' : 'inside';
}

/** What a settled render needs beyond the split: definitions and footnotes from the tail too. */
export function finalDocument(state: SplitState): { definitions: string; footnotes: boolean } {
  const tail = tailOf(state);
  const seen = new Set(state.definitionIds);
  const lines = state.definitions ? [state.definitions] : [];
  // A definition needs "]:"; skipping the parse otherwise keeps a huge plain tail from being
  // parsed twice when the reply ends.
  for (const [id, line] of tail.includes(']:') ? definitionsIn(tail) : []) {
    if (seen.has(id)) continue;
    seen.add(id);
    lines.push(line);
  }
  return {
    definitions: lines.join('\n'),
    footnotes: state.footnotes || tail.includes('[^'),
  };
}

function advance(prev: SplitState, text: string): SplitState {
  let blocks = prev.blocks;
  let tailStart = prev.tailStart;
  let nextId = prev.nextId;
  let definitions = prev.definitions;
  let footnotes = prev.footnotes;
  let { lineStart, fence, fenceAt, html, prevBlank, listSeen, complex } = prev.scan;
  let definitionIds = prev.definitionIds;
  const defLines: string[] = definitions ? [definitions] : [];

  const addDefinitions = (found: ReadonlyArray<readonly [string, string]>): void => {
    for (const [id, def] of found) {
      if (definitionIds.has(id)) continue;
      if (definitionIds === prev.definitionIds) definitionIds = new Set(definitionIds);
      (definitionIds as Set<string>).add(id);
      defLines.push(def);
    }
  };
  // Every block that ends is promoted on its own, however many end in one update: the tail it
  // was keeps what it drew, and a block that arrived whole renders alone (a paragraph or formula
  // without the parser), where joined to its neighbours the lot would be parsed as one.
  const boundary = (at: number, found: ReadonlyArray<readonly [string, string]>): void => {
    listSeen = false;
    complex = false;
    if (blocks === prev.blocks) blocks = blocks.slice();
    const raw = text.slice(tailStart, at);
    (blocks as StableBlock[]).push({ id: nextId++, start: tailStart, raw, usesRefs: raw.includes('[') });
    footnotes ||= raw.includes('[^');
    addDefinitions(found);
    tailStart = at;
  };

  for (let nl = text.indexOf('\n', lineStart); nl >= 0; nl = text.indexOf('\n', lineStart)) {
    const line = text.slice(lineStart, nl);
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      prevBlank = false;
    } else if (html) {
      if (html.test(line)) html = null;
      prevBlank = false;
    } else {
      const blank = isBlank(line);
      // A blank line followed by a line at column 0 closes every container. When the
      // region holds only constructs the scanner tracks exactly (top-level fences, math, HTML
      // comments and the like, lists, quotes, tables, paragraphs), that is certain; otherwise the
      // real parser confirms that a new top-level node starts here before anything is promoted.
      if (
        !blank &&
        prevBlank &&
        lineStart > tailStart &&
        startsAtColumnZero(line) &&
        !(listSeen && isListMarkerLine(line))
      ) {
        const from = tailStart;
        const verdict = complex ? verifyBoundary(text.slice(from, nl + 1), lineStart - from) : TRUSTED;
        if (verdict.boundary) boundary(lineStart, verdict.definitions);
      }
      if (!blank) {
        complex ||= needsParser(line);
        fence = fenceOpener(line);
        if (fence) fenceAt = lineStart;
        html = fence ? null : htmlBlockEnd(line);
        if (!fence && !html && isListMarkerLine(line)) listSeen = true;
      }
      prevBlank = blank;
    }
    lineStart = nl + 1;
  }

  // The unfinished last line already settles the block before it once its first character shows
  // it starts at column 0 and cannot continue a list; nothing else that follows a blank line
  // changes earlier blocks. Only in regions the scanner tracks exactly (else the parser needs the
  // whole line).
  if (!fence && !html && !complex && prevBlank && lineStart > tailStart && lineStart < text.length) {
    const c = text.charCodeAt(lineStart);
    const opensNothing = c !== 32 && c !== 9 && c !== 13;
    const mayBeMarker = c === 42 || c === 43 || c === 45 || (c >= 48 && c <= 57);
    if (opensNothing && !(listSeen && mayBeMarker)) boundary(lineStart, []);
  }

  if (definitionIds !== prev.definitionIds) definitions = defLines.join('\n');
  return {
    text,
    blocks,
    tailStart,
    nextId,
    definitions,
    definitionIds,
    footnotes,
    scan: { lineStart, fence, fenceAt, html, prevBlank, listSeen, complex },
  };
}

function keepIds(prev: SplitState, next: SplitState): SplitState {
  const byStart = new Map(prev.blocks.map((b) => [b.start, b]));
  const blocks = next.blocks.map((b) => {
    const old = byStart.get(b.start);
    return old && old.raw === b.raw ? old : b;
  });
  return { ...next, blocks };
}
