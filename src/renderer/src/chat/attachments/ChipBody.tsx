// What every attachment chip shows: a preview (or the kind), the name, the size and pixel size.
import { formatBytes } from '../../../../shared/attachments';
import { fileType } from './file-type';
import type { AttachmentSummary } from './types';

/**
 * `alt` is empty where the name is already read out next to the preview. With `onOpen` the name
 * is the button that opens the preview (its click area stretched over the chip by CSS), so the
 * button's name is its visible text plus "Preview".
 */
export function ChipBody({ file, alt, onOpen }: { file: AttachmentSummary; alt: string; onOpen?: () => void }) {
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
      {onOpen ? (
        <button type="button" className="attachment-name chip-open" title={file.name} aria-label={`Preview ${file.name}`} onClick={onOpen}>
          {file.name}
        </button>
      ) : (
        <span className="attachment-name" title={file.name}>{file.name}</span>
      )}
      <span className="attachment-size">{formatBytes(file.size)}{file.width && file.height ? ` · ${file.width}×${file.height}` : ''}</span>
    </>
  );
}
