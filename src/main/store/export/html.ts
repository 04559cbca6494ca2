// HTML export: one self-contained file, no scripts, no external resources. The CSP meta is a
// second lock in case escaping ever missed something: the page may not run any script at all.
// Produced piece by piece (one conversation at a time) so a big export can stream to disk.
import type { ConversationSnapshot } from '../snapshot.ts';
import { messagesToShow, outcomeNote, type BranchChoice, type OrderedMessage } from './active-path.ts';
import { attachmentsToHtml } from './attachments.ts';
import { toolCallsToHtml } from './tool-calls.ts';
import { HTML_STYLE } from './html-style.ts';
import { katexStyle } from './katex-style.ts';
import { headerDetails, isoDate, modelLabel, role, type HeaderOptions } from './message-header.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { escapeHtml } from './render-text.ts';

export interface HtmlOptions extends HeaderOptions {
  branches?: BranchChoice;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Renders markdown and remembers whether KaTeX's stylesheet has been written out yet. */
class MarkdownWriter {
  #mathStyled = false;
  #count = 0;
  render(text: string): string {
    const { html, math } = markdownToHtml(text, `m${++this.#count}-`);
    if (!math || this.#mathStyled) return html;
    // First formula in the file: its stylesheet (fonts embedded) goes right before it.
    this.#mathStyled = true;
    return `<style>${katexStyle()}</style>\n${html}`;
  }
}

function messageSection(item: OrderedMessage, o: HtmlOptions, md: MarkdownWriter): string {
  const m = item.message;
  const reasoning = m.reasoning.trim()
    ? `<details class="reasoning"><summary>Reasoning</summary><div class="md">${md.render(m.reasoning)}</div></details>`
    : '';
  const note = outcomeNote(m);
  const depth = item.depth > 0 ? ` style="margin-left:${Math.min(item.depth, 6) * 1.25}rem"` : '';
  return [
    `<section class="message ${m.role}"${depth}>`,
    `<h2>${role(m)}</h2>`,
    `<p class="message-meta">${escapeHtml(headerDetails(item, o).join(' · '))}</p>`,
    reasoning,
    attachmentsToHtml(m.attachments ?? []),
    m.text.trim() ? `<div class="md">${md.render(m.text)}</div>` : '',
    toolCallsToHtml(m.toolCalls ?? []),
    ...(m.toolNotices ?? []).map((notice) => `<p class="note">${escapeHtml(notice)}</p>`),
    note ? `<p class="note">${escapeHtml(note)}</p>` : '',
    '</section>',
  ].filter(Boolean).join('\n');
}

function conversationSection(c: ConversationSnapshot, exportedAt: number, o: HtmlOptions, md: MarkdownWriter): string {
  const { items, hiddenCount } = messagesToShow(c, o.branches ?? 'shown');
  const meta: Array<[string, string]> = [
    ['Created', isoDate(c.createdAt)],
    ['Updated', isoDate(c.updatedAt)],
  ];
  const model = modelLabel(c.providerId, c.model, o);
  if (model) meta.push(['Model', model]);
  meta.push(['Exported', isoDate(exportedAt)]);
  if (hiddenCount > 0) meta.push(['Branches', `Selected branch shown; ${hiddenCount} other message(s) are in the JSON export`]);
  return [
    '<article class="conversation">',
    `<header><h1>${escapeHtml(c.title || 'Untitled conversation')}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></header>`,
    ...items.map((item) => messageSection(item, o, md)),
    '</article>',
  ].join('\n');
}

/** The file in pieces: head, one piece per conversation, tail. */
export function* htmlChunks(list: Iterable<ConversationSnapshot>, exportedAt: number, title: string, o: HtmlOptions = {}): Generator<string> {
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Plume">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
`;
  const md = new MarkdownWriter();
  for (const c of list) yield `${conversationSection(c, exportedAt, o, md)}\n`;
  yield `</body>
</html>
`;
}
