// The files waiting in the composer: name, size, a preview for images, and a way to remove each.
import { ChipOpener } from './ChipOpener';
import type { PendingFile } from './types';

export function AttachmentChips({ files, onRemove, disabled }: { files: readonly PendingFile[]; onRemove(id: string): void; disabled: boolean }) {
  if (files.length === 0) return null;
  return (
    <ul className="attachment-chips" aria-label="Attached files">
      {files.map((file) => (
        <li key={file.id} className={`attachment-chip ${file.kind}`} data-testid="attachment-chip">
          <ChipOpener file={file} alt="" />
          <button type="button" className="link-button" disabled={disabled} onClick={() => onRemove(file.id)} aria-label={`Remove ${file.name}`}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
