// Markdown export: readable in any editor or on a forge; model text is already Markdown.
import type { ConversationSnapshot } from '../snapshot.ts';
import { activeMessages, isoDate, outcomeNote, speaker } from './active-path.ts';
import { attachmentsToMarkdown } from './attachments.ts';
import { toolCallsToMarkdown } from './tool-calls.ts';

export function conversationToMarkdown(c: ConversationSnapshot, exportedAt: number): string {
  const { shown, hiddenCount } = activeMessages(c);
  const out: string[] = [`# ${c.title || 'Untitled conversation'}`, ''];
  out.push(`- Created: ${isoDate(c.createdAt)}`, `- Updated: ${isoDate(c.updatedAt)}`);
  if (c.model) out.push(`- Model: ${c.providerId ? `${c.providerId} / ` : ''}${c.model}`);
  out.push(`- Exported from Plume: ${isoDate(exportedAt)}`);
  if (hiddenCount > 0) {
    out.push(`- Shows the selected branch; ${hiddenCount} message${hiddenCount === 1 ? '' : 's'} on other branches are in the JSON export.`);
  }
  for (const m of shown) {
    out.push('', '---', '', `### ${speaker(m)}`, '');
    if (m.reasoning.trim()) {
      // A blank line after <summary> lets Markdown renderers format the reasoning inside.
      out.push('<details>', '<summary>Reasoning</summary>', '', m.reasoning.trim(), '', '</details>', '');
    }
    const files = attachmentsToMarkdown(m.attachments ?? []);
    for (const file of files) out.push(file, '');
    if (m.text.trim() || files.length === 0) out.push(m.text.trim() || '_(no text)_');
    else out.pop();
    if (m.toolCalls?.length) out.push('', ...toolCallsToMarkdown(m.toolCalls));
    const note = outcomeNote(m);
    if (note) out.push('', `> ${note}`);
  }
  return `${out.join('\n')}\n`;
}
