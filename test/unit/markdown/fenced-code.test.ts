import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { fencedCodeOnly, openFenceCode, unclosedFenceCode } from '../../../src/renderer/src/markdown/fenced-code.ts';

const viaParser = (md: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm, remarkMath] }, md));
const viaFastPath = (lang: string, code: string): string =>
  renderToStaticMarkup(createElement('pre', null, createElement('code', lang ? { className: `language-${lang}` } : null, code)));

const SAME = [
  '```ts\nconst a = 1;\n```\n',
  '```\n```\n',
  '```\n\n```\n',
  '```\n\n\n```\n\n',
  '~~~~python extra words\nx = 1\n  ~~~~~\n\n\n',
  '```c++\n\tint x;\n\n  y\n```   \n',
  '````\n```\nnested\n```\n````\n',
  '```sh\necho "<b>&amp;</b>"\n   ```\n',
];

const DECLINED = [
  '  ```ts\nindented\n  ```\n', // indented opener strips content indentation
  '```c\\+\\+\ncode\n```\n', // escapes in the info string
  '```&lt;x\ncode\n```\n', // entity in the info string
  '```a`b\ncode\n```\n', // not a fence at all
  '```ts\nunclosed\n',
  '```ts\ncode\n```\nafter\n', // something follows the fence
  '```ts\r\ncode\r\n```\r\n',
];

describe('fenced code without the parser', () => {
  for (const raw of SAME) {
    it(`renders ${JSON.stringify(raw)} exactly as react-markdown does`, () => {
      const fast = fencedCodeOnly(raw);
      expect(fast).not.toBeNull();
      expect(viaFastPath(fast?.lang ?? '', fast?.code ?? '')).toBe(viaParser(raw).trim());
    });
  }

  it('leaves every unusual fence to the parser', () => {
    for (const raw of DECLINED) expect(fencedCodeOnly(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('a reply that ends inside a fence it never closed', () => {
  it('shows the code react-markdown would', () => {
    for (const raw of ['```ts\nconst a = 1;\n', '```ts\nconst a = 1;', '```py\nx = 1\n\n', '```ts\na\n``', '```ts\n', '```ts', '~~~\nplain\n']) {
      const fast = unclosedFenceCode(raw);
      expect(fast, JSON.stringify(raw)).not.toBeNull();
      expect(viaFastPath(fast?.lang ?? '', fast?.code ?? ''), JSON.stringify(raw)).toBe(viaParser(raw));
    }
  });

  it('leaves an indented or unusual opener to the parser', () => {
    for (const raw of ['  ```ts\n  indented\n', '```c\\+\\+\ncode\n', '```ts\r\ncode\r\n']) expect(unclosedFenceCode(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('an open fence while the reply streams', () => {
  it('shows at every length the text the reply would show if it ended there', () => {
    const reply = '```ts\nconst a = 1;\n\nfunction f() {\n  return a;\n}\n';
    for (let end = '```ts'.length; end <= reply.length; end++) {
      const raw = reply.slice(0, end);
      expect(openFenceCode(raw).code, JSON.stringify(raw)).toBe(unclosedFenceCode(raw)?.code);
    }
  });

  it('hides a closing fence still being typed', () => {
    for (const raw of ['```ts\na;\n`', '```ts\na;\n``', '~~~\na;\n~~']) expect(openFenceCode(raw).code, JSON.stringify(raw)).toBe('a;\n');
  });
});
