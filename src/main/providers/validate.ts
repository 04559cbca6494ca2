// Checks on what a person types into provider settings, before anything is sent anywhere.
// Fixable slips (spaces around a pasted key, a trailing /v1 on Anthropic's URL) are fixed and
// reported in `notice`; the rest come back as a `config` PlumeError saying what to change.
import type { PlumeError } from '../../shared/provider-events';
import type { AdapterKind } from './types';

export type Checked<T> = { ok: true; value: T; notice?: string } | { ok: false; error: PlumeError };

const invalid = (message: string): Checked<never> => ({ ok: false, error: { kind: 'config', message } });
const fine = <T>(value: T, notice?: string): Checked<T> => (notice ? { ok: true, value, notice } : { ok: true, value });

const EXAMPLE = 'for example http://127.0.0.1:11434/v1';

export function checkBaseURL(input: string, kind: AdapterKind): Checked<string> {
  const text = input.trim();
  if (text === '') return invalid(`Enter the base URL of the server, ${EXAMPLE}.`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return invalid(`The base URL must start with http:// or https:// (${EXAMPLE}).`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(`"${text}" is not a valid address (${EXAMPLE}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid(`The base URL must use http:// or https://, not ${url.protocol}//.`);
  }
  if (url.username || url.password) {
    return invalid('Put credentials in the API key field, not in the base URL.');
  }
  if (url.search || url.hash) return invalid('The base URL should not contain "?" or "#".');

  // The SDKs append paths to the base URL, so a trailing slash would double up.
  let path = url.pathname.replace(/\/+$/, '');
  let notice: string | undefined;
  if (kind === 'anthropic' && path.endsWith('/v1')) {
    path = path.slice(0, -'/v1'.length);
    notice = 'Removed "/v1" from the end: the Anthropic client adds it itself.';
  }
  const endpoint = /\/(chat\/completions|messages)$/.exec(path);
  if (endpoint) {
    path = path.slice(0, -endpoint[0].length);
    notice = `Removed "${endpoint[0]}" from the end: the base URL stops before the endpoint.`;
  }
  return fine(`${url.origin}${path}`, notice);
}

export function checkModelId(input: string): Checked<string> {
  const id = input.trim();
  if (id === '') return invalid('Choose a model, or type its id.');
  if (/\s/.test(id)) return invalid(`Model ids have no spaces: "${id}" looks like a name, not an id.`);
  return fine(id);
}

/**
 * Keys arrive by copy and paste, with line breaks, spaces or a "Bearer " prefix around them.
 * Anything outside printable ASCII cannot go into an HTTP header and would fail later with
 * an obscure error, so it is refused here.
 */
export function checkApiKey(input: string, needsKey: boolean): Checked<string | undefined> {
  const withoutBearer = input.trim().replace(/^bearer\s+/i, '');
  const key = withoutBearer.replace(/\s+/g, '');
  const notice =
    withoutBearer !== input.trim()
      ? 'Removed "Bearer" in front of the key: Plume adds it itself.'
      : key !== input
        ? 'Removed spaces and line breaks from the key.'
        : undefined;
  if (key === '') return needsKey ? invalid('This provider needs an API key.') : fine(undefined);
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return invalid('The key contains characters that cannot be part of an API key. Copy it again from the provider.');
  }
  return fine(key, notice);
}
