// A sent message's files in the conversation: image previews and named file chips.
import { ChipOpener } from './ChipOpener';
import type { AttachmentSummary } from './types';

export function AttachmentList({ files }: { files: readonly AttachmentSummary[] | undefined }) {
  if (!files?.length) return null;
  return (
    <ul className="message-attachments" aria-label="Files sent with this message">
      {files.map((file, i) => (
        <li key={`${i}-${file.name}`} className={`attachment-chip ${file.kind}`} data-testid="message-attachment">
          {/* The image is named here: it is what a screen reader meets in the conversation. */}
          <ChipOpener file={file} alt={file.name} />
        </li>
      ))}
    </ul>
  );
}
