// A code part is given the width of its longest line (CodeView.tsx): too narrow would cut the
// line's end off (the part clips what overflows it), so the count errs wide, never short.
import { describe, expect, it } from 'vitest';
import { extent } from '../../../src/renderer/src/markdown/code-parts.ts';

describe('a code part’s extent', () => {
  it('counts lines as the part shows them, a last line end adding none', () => {
    expect(extent('a\nb\n')).toEqual({ lines: 2, columns: 1 });
    expect(extent('a\nbb')).toEqual({ lines: 2, columns: 2 });
    expect(extent('')).toEqual({ lines: 1, columns: 0 });
  });

  it('runs a tab to the next stop of eight', () => {
    expect(extent('\tx').columns).toBe(9);
    expect(extent('abc\tx').columns).toBe(9);
    expect(extent('abcdefgh\tx').columns).toBe(17);
  });

  it('gives CJK characters and emoji two columns, an emoji’s two halves one character', () => {
    expect(extent('漢字').columns).toBe(4);
    expect(extent('ok 👍').columns).toBe(5);
  });
});
