// What a code part's element holds (CodeView.tsx): plain text, markup, or, for the growing last
// part, markup for its start and the rest of its text plain after it. A growing part gets new
// markup several times a second; setting it all again (a part of about 600 characters of code is
// 3.5 KB of markup) would cost the page far more than the colour is worth, so its element keeps
// the nodes of the lines before the last line end outside any span, and only the markup after
// that is parsed again. Nodes made from pieces cut outside any span serialize exactly as the
// whole markup.

/** What a part's element holds, kept by the part between renders. */
export interface Shown {
  /** The markup its nodes (before `rest`) were made from, or null when plain. */
  markup: string | null;
  /** markup.slice(0, stable) is in nodes kept while newer markup starts the same. */
  stable: number;
  /** The nodes made from markup.slice(stable) (growing parts only). */
  tail: ChildNode[];
  rest: Text | null;
}

/**
 * A mounted part's element and what it holds, by index, so that idle-time swaps can light a
 * complete part without a React commit (highlight-progress.ts). `text` is the text it was last
 * rendered with: markup is put in only for that text.
 */
export interface PartSlot {
  el: HTMLElement;
  shown: Shown;
  text: string;
}

export type PartSlots = Map<number, PartSlot>;

/** Shows `html`, markup for all of `text`, in part `index` if that part shows `text` (else the commit that follows does). */
export function lightPart(slots: PartSlots, index: number, text: string, html: string): void {
  const slot = slots.get(index);
  if (slot && slot.text === text) showPart(slot.el, slot.shown, text, html, null);
}

export interface Head {
  /** Markup for the part's first `chars` characters. */
  html: string;
  chars: number;
}

/**
 * Shows `text` in `el`: its markup `html` when there is some for all of it, else markup for its
 * start (`head`) and the rest plain, else all plain. A growing part's line end arrives as plain
 * text after the markup for the line: markup for the whole text that is exactly that (the usual
 * case) leaves the DOM as it is, so the fence closing or the reply ending changes nothing.
 */
export function showPart(el: HTMLElement, s: Shown, text: string, html: string | undefined, head: Head | null | undefined): void {
  if (html !== undefined && s.markup !== null && s.rest && html === s.markup + escapeCode(s.rest.data)) return;
  const markup = html ?? head?.html ?? null;
  const rest = text.slice(html !== undefined ? text.length : (head?.chars ?? 0));
  if (markup !== s.markup) {
    if (markup === null) {
      el.textContent = rest;
      Object.assign(s, { markup, stable: 0, tail: [], rest: el.firstChild as Text | null });
      return;
    }
    if (html === undefined) growMarkup(el, s, markup);
    else {
      el.innerHTML = markup;
      Object.assign(s, { stable: 0, tail: [], rest: null });
    }
    s.markup = markup;
  }
  if (s.rest && rest === '') {
    s.rest.remove();
    s.rest = null;
  } else if (s.rest) {
    if (s.rest.data !== rest) s.rest.data = rest;
  } else if (rest !== '') {
    s.rest = el.appendChild(document.createTextNode(rest));
  }
}

/** Replaces a growing part's markup, parsing only what follows the part it shares with the last. */
function growMarkup(el: HTMLElement, s: Shown, markup: string): void {
  let from = 0;
  if (s.markup !== null && s.stable > 0 && markup.startsWith(s.markup.slice(0, s.stable))) {
    from = s.stable;
    removeNodes(s.tail);
  } else {
    el.textContent = '';
    s.rest = null;
  }
  const cut = lastLineEndOutsideSpans(markup, from);
  if (cut > from) el.insertBefore(fragment(markup.slice(from, cut)), s.rest);
  const tail = fragment(markup.slice(cut));
  s.tail = [...tail.childNodes];
  el.insertBefore(tail, s.rest);
  s.stable = cut;
}

let range: Range | null = null;

function removeNodes(nodes: ChildNode[]): void {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return;
  // One call for the lot: a line of markup is a few dozen nodes.
  range ??= document.createRange();
  range.setStartBefore(first);
  range.setEndAfter(last);
  range.deleteContents();
}

const TAG_OR_LINE_END = /<\/?span[^>]*>|\n/g;

/** Just after the last line end in markup[from..] outside any span (hljs emits spans only); `from` is outside. */
function lastLineEndOutsideSpans(markup: string, from: number): number {
  let depth = 0;
  let cut = from;
  TAG_OR_LINE_END.lastIndex = from;
  for (let m = TAG_OR_LINE_END.exec(markup); m; m = TAG_OR_LINE_END.exec(markup)) {
    if (m[0] === '\n') {
      if (depth === 0) cut = m.index + 1;
    } else depth += m[0][1] === '/' ? -1 : 1;
  }
  return cut;
}

let template: HTMLTemplateElement | null = null;

function fragment(markup: string): DocumentFragment {
  template ??= document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

/** Text as highlight.js escapes it in its markup. */
function escapeCode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
