// Size limits enforced in main and checked early in the composer, so an oversized paste gets a
// clear message before anything is sent and the text stays in the composer.

/** Characters in one request (system prompt + all messages). ~500k tokens: beyond any model's context. */
export const MAX_REQUEST_CHARS = 2_000_000;
