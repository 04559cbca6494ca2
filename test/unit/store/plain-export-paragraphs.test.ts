// The HTML export builds plain text's paragraphs directly instead of running the markdown
// grammar: whatever text takes that shortcut must come out exactly as the grammar renders it.
import { describe, expect, it } from 'vitest';
import { grammarToHtml, plainParagraphs } from '../../../src/main/store/export/markdown-to-html.ts';
import { seededRandom } from '../../../bench/support/random.ts';

// Mostly plain pieces, now and then a character that means something to markdown, GFM or math.
const PLAIN = ['word', 'Ünïcödé', '日本語', '42', ' ', '  ', '\n', '\n\n', ',', '.', ';', '?', '!', "'"];
const SPECIAL = ['1. ', '- ', '* ', '# ', '> ', '    ', '_', '*', '`', '~', '$', '[', ']', '(', ')', '<', '>', '&', '\\', '|', '=', '-', '+', ':', '@',
  'www.', 'WWW.', 'http://x.y', '\t', '\r', '"', '*x*', '_x_', '`x`', '~~x~~', '$x$', '[x](y)', '&amp;', '<b>'];

function sample(rand: () => number): string {
  let s = '';
  const n = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const from = rand() < 0.9 ? PLAIN : SPECIAL;
    s += from[Math.floor(rand() * from.length)];
  }
  return s;
}

describe('plain paragraphs in an HTML export', () => {
  it('are exactly what the markdown grammar makes of the same text', () => {
    const rand = seededRandom(7);
    let shortcuts = 0;
    for (let i = 0; i < 3000; i++) {
      const text = sample(rand);
      const plain = plainParagraphs(text);
      if (plain === null) continue;
      shortcuts++;
      expect(plain, JSON.stringify(text)).toBe(grammarToHtml(text, 'm1-').html);
    }
    expect(shortcuts).toBeGreaterThan(100);
  });

  it('take the shortcut for ordinary sentences and lines, and leave anything with markup to the grammar', () => {
    expect(plainParagraphs("Hello, it's me.\nSecond line?\n\nNew paragraph!")).toBe("<p>Hello, it's me.\nSecond line?</p>\n<p>New paragraph!</p>");
    for (const text of ['**bold**', '# Title', '- item', '1. first', 'see www.example.com', 'mail a@b.c', 'x  \ny', '    code', 'a $x$', 'a | b', 'ends with space ']) {
      expect(plainParagraphs(text), text).toBeNull();
    }
  });
});
