// The plume:// handler must serve the renderer build and nothing else on disk.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererPath } from '../../../src/main/electron-main/renderer-path';

const root = join('/opt', 'Plume', 'resources', 'app.asar', 'out', 'renderer');
const file = (url: string) => {
  const result = resolveRendererPath(url, root);
  return result.ok ? result.file : result.status;
};

describe('plume://app/ path resolution', () => {
  it('serves index.html for the bare origin and files below the renderer folder', () => {
    expect(file('plume://app/')).toBe(join(root, 'index.html'));
    expect(file('plume://app')).toBe(join(root, 'index.html'));
    expect(file('plume://app/assets/index-abc123.js')).toBe(join(root, 'assets', 'index-abc123.js'));
    expect(file('plume://app/assets/KaTeX_Main%20Regular.woff2?v=1#x')).toBe(join(root, 'assets', 'KaTeX_Main Regular.woff2'));
  });

  it.each([
    ['plume://app/../../etc/passwd', join(root, 'etc', 'passwd')],
    ['plume://app/assets/%2e%2e/%2e%2e/main/index.js', join(root, 'main', 'index.js')],
  ])('keeps dot segments that URL parsing resolves inside the folder: %s', (url, expected) => {
    expect(file(url)).toBe(expected);
  });

  it.each([
    'plume://app/%2E%2E%2F%2E%2E%2Fmain%2Findex.js',
    'plume://app/assets/..%5C..%5Cmain%5Cindex.js',
    'plume://app/..%2f..%2fpackage.json',
    'plume://app/assets//index.js',
    'plume://app/.env',
    'plume://app/C:%5CWindows%5Cwin.ini',
    'plume://app/index.html%00.png',
  ])('refuses %s', (url) => {
    expect(file(url)).toBe(403);
  });

  it('answers only its own scheme and host', () => {
    expect(file('plume://other/index.html')).toBe(404);
    expect(file('file:///etc/passwd')).toBe(404);
    expect(file('https://app/index.html')).toBe(404);
  });

  it('rejects malformed escapes instead of throwing', () => {
    expect(file('plume://app/%E0%A4%A.js')).toBe(400);
    expect(file('not a url')).toBe(400);
  });
});
