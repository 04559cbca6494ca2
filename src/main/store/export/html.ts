// HTML export: one self-contained file, no scripts, no external resources. The CSP meta is a
// second lock in case escaping ever missed something: the page may not run any script at all.
import type { ConversationSnapshot } from '../snapshot.ts';
import { activeMessages, isoDate, outcomeNote, speaker } from './active-path.ts';
import { attachmentsToHtml } from './attachments.ts';
import { toolCallsToHtml } from './tool-calls.ts';
import { HTML_STYLE } from './html-style.ts';
import { escapeHtml, renderText } from './render-text.ts';

function conversationSection(c: ConversationSnapshot, exportedAt: number): string {
  const { shown, hiddenCount } = activeMessages(c);
  const meta: Array<[string, string]> = [
    ['Created', isoDate(c.createdAt)],
    ['Updated', isoDate(c.updatedAt)],
  ];
  if (c.model) meta.push(['Model', `${c.providerId ? `${c.providerId} / ` : ''}${c.model}`]);
  meta.push(['Exported', isoDate(exportedAt)]);
  if (hiddenCount > 0) meta.push(['Branches', `Selected branch shown; ${hiddenCount} other message(s) are in the JSON export`]);
  const messages = shown.map((m) => {
    const reasoning = m.reasoning.trim()
      ? `<details class="reasoning"><summary>Reasoning</summary>${renderText(m.reasoning)}</details>`
      : '';
    const note = outcomeNote(m);
    return [
      `<section class="message ${m.role}">`,
      `<h2>${escapeHtml(speaker(m))}</h2>`,
      reasoning,
      attachmentsToHtml(m.attachments ?? []),
      renderText(m.text),
      toolCallsToHtml(m.toolCalls ?? []),
      note ? `<p class="note">${escapeHtml(note)}</p>` : '',
      '</section>',
    ].filter(Boolean).join('\n');
  });
  return [
    '<article class="conversation">',
    `<header><h1>${escapeHtml(c.title || 'Untitled conversation')}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></header>`,
    ...messages,
    '</article>',
  ].join('\n');
}

export function conversationsToHtml(list: ConversationSnapshot[], exportedAt: number, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Plume">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${list.map((c) => conversationSection(c, exportedAt)).join('\n')}
</body>
</html>
`;
}
