// Some providers echo the key (or most of it), or a gateway token from an extra header, in their
// error text; nothing we show or store may carry it, so every message leaving this folder goes
// through here. What is masked here never reaches the window, the database or an export.

/** Prefixes of the key formats we know; a masked echo like `sk-abc***xyz` is hidden as well. */
const KEY_LIKE = /\b(?:sk|gsk|xai|pk|sk-ant|sk-or|sk-proj)-[A-Za-z0-9_*.\-]{4,}/g;
/** Credentials in the usual header or query shapes, whoever they belong to. */
const CREDENTIAL_SHAPED = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=\-]{8,}/gi;
/** A header whose name says it carries a credential. */
const SECRET_HEADER_NAME = /auth|token|key|secret|password|passwd|cookie|session|credential|signature/i;
/** A value that looks like a token: long, no spaces, letters mixed with digits. */
const TOKEN_LIKE_VALUE = /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9._~+/=:\-]{16,}$/;
/** Shorter secrets (dummies for local servers) would blank out ordinary words. */
const MIN_SECRET_LENGTH = 8;

/** Hides `apiKey`, every one of `others` (header values) and anything shaped like a credential. */
export function scrubSecrets(text: string, apiKey?: string, others: readonly string[] = []): string {
  let clean = hide(text, apiKey, '[key hidden]');
  // Longest first, so a secret that contains another is hidden whole.
  for (const secret of [...others].sort((a, b) => b.length - a.length)) clean = hide(clean, secret, '[secret hidden]');
  return clean.replace(KEY_LIKE, '[key hidden]').replace(CREDENTIAL_SHAPED, '$1 [secret hidden]');
}

function hide(text: string, secret: string | undefined, mask: string): string {
  const trimmed = secret?.trim();
  return trimmed && trimmed.length >= MIN_SECRET_LENGTH ? text.split(trimmed).join(mask) : text;
}

/** The values of extra headers that are, or look like, credentials: masked like the key. */
export function secretHeaderValues(headers: Record<string, string> | undefined): string[] {
  if (!headers) return [];
  return Object.entries(headers)
    .filter(([name, value]) => SECRET_HEADER_NAME.test(name) || TOKEN_LIKE_VALUE.test(value.trim()))
    .map(([, value]) => value);
}
