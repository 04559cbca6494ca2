// The composer's side of attachments: files picked but not yet sent, and what a send carries.
import type { AttachmentKind, AttachmentUpload, AttachmentView, ImageMimeType } from '../../../../shared/attachments';

/** What a chip or a message shows of a file: no bytes. */
export type AttachmentSummary = Pick<AttachmentView, 'name' | 'kind' | 'size' | 'thumbnail' | 'width' | 'height'> & {
  /** Set on stored attachments: how the preview asks main for the bytes. */
  sha256?: string;
  /** The file itself, in this window only (composer chips, and messages sent this session). */
  blob?: Blob;
};

/** A file in the composer, read and checked, kept as picked until the send decides its size. */
export interface PendingFile extends AttachmentSummary {
  id: string;
  blob: Blob;
  kind: AttachmentKind;
  /** For images: the type found in the bytes. */
  imageType?: ImageMimeType;
}

/** Ready to go: the upload for main, and the summary shown at once in the conversation. */
export interface PreparedAttachment {
  upload: AttachmentUpload;
  summary: AttachmentSummary;
}

/** Where the message goes: decides image sizes, whether PDFs can go, and the vision check. */
export interface SendTarget {
  providerId: string;
  kind: 'openai' | 'anthropic';
  model: string;
}
