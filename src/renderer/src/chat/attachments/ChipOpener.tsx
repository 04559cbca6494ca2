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
      <ChipBody file={file} alt={alt} onOpen={() => setOpen(true)} />
      {open && <AttachmentPreview file={file} onClose={() => setOpen(false)} />}
    </>
  );
}
