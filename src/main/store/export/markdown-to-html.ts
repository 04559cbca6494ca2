// Model text (Markdown) to safe HTML for the exports, through the window's own grammar
// (src/shared/markdown): the same remark plugins, the same KaTeX settings, the same URL rule and
// the same treatment of raw HTML as react-markdown (shown as text, never parsed), so an export
// shows the structure the window shows. Only markup we build ourselves (highlight.js output,
// which escapes the code) is emitted unescaped.
import hljs from 'highlight.js/lib/common';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeKatex from 'rehype-katex';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { KATEX_OPTIONS, REMARK_PLUGINS } from '../../../shared/markdown/grammar.ts';
import { safeUrl } from '../../../shared/markdown/safe-url.ts';

/** The window's highlighter gives up on larger blocks too (src/renderer/src/markdown/highlight.ts). */
const MAX_HIGHLIGHT = 200_000;

const toHast = unified().use(remarkParse).use(REMARK_PLUGINS).use(remarkRehype, { allowDangerousHtml: true }).freeze();
const withMath = unified().use(rehypeKatex, KATEX_OPTIONS).freeze();

export interface RenderedMarkdown {
  html: string;
  /** True when KaTeX typeset something: the page then needs KaTeX's stylesheet. */
  math: boolean;
}

/**
 * A line that no markdown construct can touch: it starts with a letter (so no block marker,
 * indent or list number), holds only letters, digits, spaces and plain punctuation (no emphasis,
 * code, link, math, escape, entity, HTML or table character; no ':' or '@' for autolinks), and
 * does not end in a space (no hard break). "www." is the one autolink such a line could hold.
 */
const PLAIN_LINE = /^\p{L}[\p{L}\p{N} ,.;?!']*(?<! )$/u;
const WWW = /www\./i;

/**
 * Text that is only plain lines in paragraphs comes out of the grammar as those paragraphs,
 * unchanged: built directly, without the parser's fixed cost per message (most of an export of
 * short plain messages). The export tests compare this with the full pipeline.
 */
export function plainParagraphs(text: string): string | null {
  if (WWW.test(text)) return null;
  const paragraphs: string[] = [];
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') {
      if (lines.length > 0) paragraphs.push(`<p>${lines.join('\n')}</p>`);
      lines = [];
    } else if (PLAIN_LINE.test(line)) lines.push(line);
    else return null;
  }
  if (lines.length > 0) paragraphs.push(`<p>${lines.join('\n')}</p>`);
  return paragraphs.join('\n');
}

/** `idPrefix` keeps footnote ids of different messages in one file apart. */
export function markdownToHtml(text: string, idPrefix: string): RenderedMarkdown {
  const plain = plainParagraphs(text);
  return plain !== null ? { html: plain, math: false } : grammarToHtml(text, idPrefix);
}

/** The full pipeline, for any text. */
export function grammarToHtml(text: string, idPrefix: string): RenderedMarkdown {
  const tree = toHast.runSync(toHast.parse(text)) as Root;
  // Raw HTML in model text becomes text before anything else looks at the tree, as in react-markdown.
  rawToText(tree);
  const math = text.includes('$') ? hasMath(tree) : false;
  const typeset = math ? (withMath.runSync(tree) as Root) : tree;
  prefixIds(typeset, idPrefix);
  const out = transform(typeset.children);
  return { html: toHtml({ type: 'root', children: out }, { allowDangerousHtml: true }), math };
}

function rawToText(node: Root | Element): void {
  node.children = node.children.map((child) => {
    if (child.type === 'raw') return { type: 'text', value: child.value };
    if (child.type === 'element') rawToText(child);
    return child;
  }) as typeof node.children;
}

function hasMath(node: Root | Element): boolean {
  return node.children.some((c) => {
    if (c.type !== 'element') return false;
    const cls = c.properties.className;
    if (Array.isArray(cls) && (cls.includes('math-inline') || cls.includes('math-display'))) return true;
    return hasMath(c);
  });
}

/** remark-rehype names footnotes "user-content-fn-1" in every message; make them unique per file. */
function prefixIds(node: Root | Element, prefix: string): void {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    const { id, href } = c.properties;
    if (typeof id === 'string' && id.startsWith('user-content-')) c.properties.id = prefix + id;
    if (typeof href === 'string' && href.startsWith('#user-content-')) c.properties.href = `#${prefix}${href.slice(1)}`;
    const described = c.properties.ariaDescribedBy;
    if (Array.isArray(described)) c.properties.ariaDescribedBy = described.map((d) => (typeof d === 'string' && d === 'footnote-label' ? `${prefix}${d}` : d));
    if (c.properties.id === 'footnote-label') c.properties.id = `${prefix}footnote-label`;
    prefixIds(c, prefix);
  }
}

/** The window's components (CodeBlock, SafeLink, RemoteImage), as static markup. */
function transform(children: Array<RootContent | ElementContent>): ElementContent[] {
  return children.flatMap((c): ElementContent[] => {
    if (c.type !== 'element') return c.type === 'doctype' ? [] : [c as ElementContent];
    if (c.tagName === 'pre') return [codeBlock(c)];
    if (c.tagName === 'a') return [link(c)];
    if (c.tagName === 'img') return [image(c)];
    return [{ ...c, children: transform(c.children) }];
  });
}

function link(a: Element): Element {
  const href = typeof a.properties.href === 'string' ? safeUrl(a.properties.href, 'href') : '';
  const children = transform(a.children);
  if (!href) return { type: 'element', tagName: 'span', properties: { className: ['md-link-inert'] }, children };
  return { ...a, properties: { ...a.properties, href, rel: ['noreferrer', 'noopener'] }, children };
}

/**
 * Remote images are never fetched, by the window until asked nor by an export ever (Plume contacts
 * only hosts the user configured, and the CSP forbids it): the export shows what the window's
 * placeholder says, "Image: <alt>", with the full address visible as a link to open by choice.
 */
function image(img: Element): Element {
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  const label = alt ? `Image: ${alt}` : 'Image';
  const src = typeof img.properties.src === 'string' ? safeUrl(img.properties.src, 'src') : '';
  if (!src) return { type: 'element', tagName: 'span', properties: { className: ['md-image-blocked'] }, children: [{ type: 'text', value: `[${label}]` }] };
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['md-image-remote'] },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['md-image-label'] }, children: [{ type: 'text', value: label }] },
      { type: 'text', value: ' — not loaded: ' },
      { type: 'element', tagName: 'a', properties: { className: ['md-image-link'], href: src, rel: ['noreferrer', 'noopener'] }, children: [{ type: 'text', value: src }] },
    ],
  };
}

/** Same markup as the window's CodeView (without the Copy button, which needs script). */
function codeBlock(pre: Element): Element {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const text = code ? textOf(code.children) : '';
  const classes = Array.isArray(code?.properties.className) ? code.properties.className : [];
  const langClass = classes.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  const lang = langClass ? langClass.slice('language-'.length) : '';
  const known = lang !== '' && text.length <= MAX_HIGHLIGHT && hljs.getLanguage(lang) !== undefined;
  const body: ElementContent = known
    ? // highlight.js escapes the code it emits: this is markup we produced, not model HTML.
      { type: 'raw', value: hljs.highlight(text, { language: lang, ignoreIllegals: true }).value }
    : { type: 'text', value: text };
  const codeClass = lang ? [`language-${lang}`, ...(known ? ['hljs'] : [])] : [];
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['md-code'], dataHighlight: known ? 'done' : 'plain' },
    children: [
      { type: 'element', tagName: 'div', properties: { className: ['md-code-header'] }, children: [
        { type: 'element', tagName: 'span', properties: { className: ['md-code-lang'] }, children: [{ type: 'text', value: lang || 'text' }] },
      ] },
      { type: 'element', tagName: 'pre', properties: {}, children: [
        { type: 'element', tagName: 'code', properties: codeClass.length ? { className: codeClass } : {}, children: [body] },
      ] },
    ],
  };
}

function textOf(children: ElementContent[]): string {
  let out = '';
  for (const c of children) out += c.type === 'text' ? c.value : c.type === 'element' ? textOf(c.children) : '';
  return out;
}
