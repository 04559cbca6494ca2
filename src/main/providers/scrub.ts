// Some providers echo the key (or most of it) in their error text; nothing we show or store may
// carry it, so every message leaving this folder goes through here.

/** Prefixes of the key formats we know; a masked echo like `sk-abc***xyz` is hidden as well. */
const KEY_LIKE = /\b(?:sk|gsk|xai|pk|sk-ant|sk-or|sk-proj)-[A-Za-z0-9_*.\-]{4,}/g;

export function scrubSecrets(text: string, apiKey?: string): string {
  let clean = text;
  const key = apiKey?.trim();
  // Very short "keys" (dummies for local servers) would blank out ordinary words.
  if (key && key.length >= 8) clean = clean.split(key).join('[key hidden]');
  return clean.replace(KEY_LIKE, '[key hidden]');
}
