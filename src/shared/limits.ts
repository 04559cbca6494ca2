// Size limits enforced in main and checked early in the composer, so an oversized paste gets a
// clear message before anything is sent and the text stays in the composer.

/** Characters in one request (system prompt + all messages). ~500k tokens: beyond any model's context. */
export const MAX_REQUEST_CHARS = 2_000_000;

// Attachments. Bytes cross the contract as base64 inside the reply request, and browser mode
// carries that request in one WebSocket message of at most 32 MiB (web-host/server.ts): the caps
// below keep a full message (4 MiB of files ≈ 5.4 MiB of base64, plus the text limit) under it.

/** Files on one message. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** All files of one message together, as sent (images after downscaling). */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 4 * 1024 * 1024;
/**
 * One image as picked, before downscaling. OpenAI's vision guide caps an image at 20 MB; larger
 * files are almost always camera originals that would take long to decode for nothing.
 */
export const MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024;
/**
 * One image as sent. Anthropic's vision docs cap an image at 5 MB and the API counts its
 * base64 text: 3.75 MiB of bytes is 5 MiB of base64.
 */
export const MAX_SENT_IMAGE_BYTES = (5 * 1024 * 1024 * 3) / 4;
/** One PDF (Anthropic allows 32 MB per request; the message cap above is the tighter bound). */
export const MAX_PDF_BYTES = 4 * 1024 * 1024;
/** One text or code file, inlined into the message: 512 KiB is ~130k tokens of code. */
export const MAX_TEXT_FILE_BYTES = 512 * 1024;
/** The small preview stored with an image (a data: URL). */
export const MAX_THUMBNAIL_CHARS = 64 * 1024;
/** Longest edge of that preview, px. */
export const THUMBNAIL_EDGE = 160;
/** Anthropic refuses images above 8000 px on either side; nothing should get near it after downscaling. */
export const MAX_IMAGE_EDGE = 8000;
