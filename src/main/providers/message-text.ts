// The text of a user message with files, as both adapters send it: text files inlined as fenced
// blocks before the words typed.
import { fencedFile, type MessageAttachment } from '../../shared/attachments';

/** `notes` come first; empty parts are left out, so a message of files only has no blank text. */
export function messageText(content: string, files: readonly MessageAttachment[], notes: readonly string[] = []): string {
  return [
    ...notes,
    ...files.filter((f) => f.kind === 'text').map((f) => fencedFile(f.name, Buffer.from(f.data, 'base64').toString('utf8'))),
    content,
  ].filter((part) => part.trim() !== '').join('\n\n');
}
