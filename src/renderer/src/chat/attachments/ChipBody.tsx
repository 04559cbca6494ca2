// What every attachment chip shows: a preview (or the kind), the name, the size and pixel size.
import { formatBytes } from '../../../../shared/attachments';
import { fileType } from './file-type';
import type { AttachmentSummary } from './types';

/** `alt` is empty where the name is already read out next to the preview. */
export function ChipBody({ file, alt }: { file: AttachmentSummary; alt: string }) {
  const type = fileType(file.name, file.kind);
  return (
    <>
      {file.thumbnail ? (
        <img src={file.thumbnail} alt={alt} className="attachment-thumb" />
      ) : (
        <span className="attachment-icon" title={type.name} data-testid="file-type">
          <span aria-hidden="true">{type.label}</span>
          <span className="visually-hidden">{type.name}</span>
        </span>
      )}
      <span className="attachment-name" title={file.name}>{file.name}</span>
      <span className="attachment-size">{formatBytes(file.size)}{file.width && file.height ? ` · ${file.width}×${file.height}` : ''}</span>
    </>
  );
}
