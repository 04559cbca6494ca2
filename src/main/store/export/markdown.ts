// Markdown export: the messages' own markdown as written (never escaped: it is already Markdown),
// each under a small header naming who wrote it, with which model and when.
import type { ConversationSnapshot } from '../snapshot.ts';
import { messagesToShow, outcomeNote, type BranchChoice } from './active-path.ts';
import { attachmentsToMarkdown } from './attachments.ts';
import { headerDetails, isoDate, modelLabel, role, type HeaderOptions } from './message-header.ts';
import { toolCallsToMarkdown } from './tool-calls.ts';

export interface MarkdownOptions extends HeaderOptions {
  branches?: BranchChoice;
}

export function conversationToMarkdown(c: ConversationSnapshot, exportedAt: number, o: MarkdownOptions = {}): string {
  const { items, hiddenCount } = messagesToShow(c, o.branches ?? 'shown');
  const out: string[] = [`# ${c.title || 'Untitled conversation'}`, ''];
  out.push(`- Created: ${isoDate(c.createdAt)}`, `- Updated: ${isoDate(c.updatedAt)}`);
  const model = modelLabel(c.providerId, c.model, o);
  if (model) out.push(`- Model: ${model}`);
  out.push(`- Exported from Plume: ${isoDate(exportedAt)}`);
  if (hiddenCount > 0) {
    out.push(`- Shows the selected branch; ${hiddenCount} message${hiddenCount === 1 ? '' : 's'} on other branches are in the JSON export.`);
  }
  for (const item of items) {
    const m = item.message;
    out.push('', '---', '', `### ${role(m)}`, '', `<sub>${headerDetails(item, o).join(' · ')}</sub>`, '');
    if (m.reasoning.trim()) {
      // A blank line after <summary> lets Markdown renderers format the reasoning inside.
      out.push('<details>', '<summary>Reasoning</summary>', '', m.reasoning.trim(), '', '</details>', '');
    }
    const files = attachmentsToMarkdown(m.attachments ?? []);
    for (const file of files) out.push(file, '');
    if (m.text.trim() || files.length === 0) out.push(m.text.trim() || '_(no text)_');
    else out.pop();
    if (m.toolCalls?.length) out.push('', ...toolCallsToMarkdown(m.toolCalls));
    for (const notice of m.toolNotices ?? []) out.push('', `> ${notice}`);
    const note = outcomeNote(m);
    if (note) out.push('', `> ${note}`);
  }
  return `${out.join('\n')}\n`;
}
