// What every attachment chip shows: a preview (or the kind), the name, the size and pixel size.
import { formatBytes } from '../../../../shared/attachments';
import type { AttachmentSummary } from './types';

/** `alt` is empty where the name is already read out next to the preview. */
export function ChipBody({ file, alt }: { file: AttachmentSummary; alt: string }) {
  return (
    <>
      {file.thumbnail ? (
        <img src={file.thumbnail} alt={alt} className="attachment-thumb" />
      ) : (
        <span className="attachment-icon" aria-hidden="true">{file.kind === 'pdf' ? 'PDF' : 'TXT'}</span>
      )}
      <span className="attachment-name" title={file.name}>{file.name}</span>
      <span className="attachment-size">{formatBytes(file.size)}{file.width && file.height ? ` · ${file.width}×${file.height}` : ''}</span>
    </>
  );
}
