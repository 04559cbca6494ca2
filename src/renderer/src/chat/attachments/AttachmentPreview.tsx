// A chip opened: the image at its size (up to the window) or the text file as written. Esc, the
// close button or a click outside closes it, and focus goes back to the chip.
import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { IconButton } from '../../shell/IconButton';
import { useReturnFocus } from '../../shell/use-return-focus';
import { fileType } from './file-type';
import { loadPreview, type PreviewContent } from './preview-source';
import type { AttachmentSummary } from './types';

export function AttachmentPreview({ file, onClose }: { file: AttachmentSummary; onClose(): void }) {
  const [content, setContent] = useState<PreviewContent | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useReturnFocus();

  useEffect(() => {
    let current = true;
    let url: string | undefined;
    loadPreview(file).then(
      (loaded) => {
        if (loaded.imageUrl?.startsWith('blob:')) url = loaded.imageUrl;
        if (current) setContent(loaded);
        else if (url) URL.revokeObjectURL(url);
      },
      (error: Error) => current && setProblem(`The file could not be opened: ${error.message}`),
    );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [file]);

  const type = fileType(file.name, file.kind);
  // Into the body: a message is a containment box (content-visibility), which would hold a
  // fixed overlay inside the message instead of over the window.
  return createPortal(
    <div className="overlay" role="presentation" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="dialog attachment-preview"
        role="dialog"
        aria-modal="true"
        aria-label={`Preview of ${file.name}`}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onClose();
        }}
      >
        <header className="attachment-preview-head">
          <span className="attachment-preview-name" title={file.name}>{file.name}</span>
          <span className="attachment-size">{type.name}</span>
          <IconButton icon={X} label="Close preview" tipAlign="end" onClick={onClose} autoFocus />
        </header>
        <div className="attachment-preview-body">
          {problem && <p className="form-error" role="alert">{problem}</p>}
          {!problem && !content && <p className="muted">Opening…</p>}
          {content?.imageUrl && <img src={content.imageUrl} alt={file.name} />}
          {content?.text !== undefined && <pre tabIndex={0} aria-label={`Text of ${file.name}`}>{content.text}</pre>}
          {content && content.imageUrl === undefined && content.text === undefined && <p className="muted">No preview is available for this file.</p>}
        </div>
      </div>
    </div>,
    document.body,
  );
}
