// Maps a plume://app/ URL to a file under the renderer's build folder. Every path segment is
// decoded and checked on its own, so encoded separators (%2F, %5C) and dot segments (%2E%2E)
// cannot climb out of the folder, whatever URL normalisation did or did not happen before.
import { isAbsolute, join, relative } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type ResolvedPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

const FORBIDDEN_IN_SEGMENT = /[/\\\0:]/;

export function resolveRendererPath(url: string, root: string): ResolvedPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404 };

  const raw = parsed.pathname.replace(/^\/+/, '');
  const segments = (raw === '' ? 'index.html' : raw).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let part: string;
    try {
      part = decodeURIComponent(segment);
    } catch {
      return { ok: false, status: 400 };
    }
    // Empty segments ("a//b"), dot segments and hidden files are never part of a Vite build.
    if (part === '' || part.startsWith('.') || FORBIDDEN_IN_SEGMENT.test(part)) return { ok: false, status: 403 };
    decoded.push(part);
  }

  const file = join(root, ...decoded);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, file };
}
