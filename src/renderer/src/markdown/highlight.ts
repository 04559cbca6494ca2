import type { HLJSApi } from 'highlight.js';
import { onIdle } from './idle.ts';

// highlight.js is loaded on first need and runs after the frame that asked for it, so a closing
// fence never makes a frame slow. Results are cached per block identity (message instance, block
// id, offset of the fence in the block) with a bound on entries: never keyed by content, so a
// growing block cannot fill memory with its prefixes.

const MAX_ENTRIES = 256;
const MAX_CODE = 200_000;

interface Entry {
  code: string;
  lang: string;
  html: string;
}

const cache = new Map<string, Entry>();
let hljs: HLJSApi | null = null;
let loading: Promise<HLJSApi> | null = null;

function load(): Promise<HLJSApi> {
  loading ??= import('highlight.js/lib/common').then((m) => (hljs = m.default));
  return loading;
}

export function cachedHighlight(key: string, code: string, lang: string): string | null {
  const hit = cache.get(key);
  if (!hit || hit.code !== code || hit.lang !== lang) return null;
  // Re-insert so the map's order is least-recently-used first.
  cache.delete(key);
  cache.set(key, hit);
  return hit.html;
}

/**
 * Calls `done` in an idle period with highlighted HTML, or null when the language is unknown or
 * the code too large. `done` runs inside the idle commit (see idle.ts), so it may set state.
 */
export function highlightWhenIdle(key: string, code: string, lang: string, done: (html: string | null) => void): void {
  if (code.length > MAX_CODE) {
    done(null);
    return;
  }
  void (hljs ? Promise.resolve(hljs) : load()).then((api) => {
    if (!api.getLanguage(lang)) {
      done(null);
      return;
    }
    onIdle(() => {
      const cached = cachedHighlight(key, code, lang);
      if (cached !== null) {
        done(cached);
        return;
      }
      // hljs escapes the code it emits, so its output is markup we produced, not model HTML.
      const html = api.highlight(code, { language: lang, ignoreIllegals: true }).value;
      cache.set(key, { code, lang, html });
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      done(html);
    });
  });
}
