// Model output is untrusted. Links may point only at the web or at mail; images only at the web;
// in-page fragments are kept for footnotes. Anything else loses its URL and renders inert.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES = new Set(['http', 'https']);

export function safeUrl(url: string, key: string): string {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (key === 'href' && compact.startsWith('#')) return url;
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (!scheme) return '';
  const allowed = key === 'href' ? LINK_SCHEMES : key === 'src' ? IMAGE_SCHEMES : null;
  return allowed?.has(scheme) ? url.trim() : '';
}
