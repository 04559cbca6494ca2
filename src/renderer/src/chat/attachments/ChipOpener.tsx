// A chip's body as a button that opens the preview, where there is one to show.
import { useState } from 'react';
import { AttachmentPreview } from './AttachmentPreview';
import { ChipBody } from './ChipBody';
import { canPreview } from './preview-source';
import type { AttachmentSummary } from './types';

export function ChipOpener({ file, alt }: { file: AttachmentSummary; alt: string }) {
  const [open, setOpen] = useState(false);
  if (!canPreview(file)) return <ChipBody file={file} alt={alt} />;
  return (
    <>
      <button type="button" className="chip-open" aria-label={`Preview ${file.name}`} onClick={() => setOpen(true)}>
        <ChipBody file={file} alt={alt} />
      </button>
      {open && <AttachmentPreview file={file} onClose={() => setOpen(false)} />}
    </>
  );
}
