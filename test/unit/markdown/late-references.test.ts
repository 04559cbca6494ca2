import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { candidateLabels, lateDefinitions, markReferences, pendingReferences, placeholders, placeholdersHold, referencesByContext } from '../../../src/renderer/src/markdown/late-references.ts';
import { REMARK_PLUGINS } from '../../../src/renderer/src/markdown/grammar.ts';

describe('late references', () => {
  it('offers every innermost bracket pair as a label, escapes kept, once each', () => {
    expect(candidateLabels('See [source 0][s0], [a [b] c] and [s0] and [x\\]y] but not \\[z].')).toEqual(['source 0', 's0', 'b', 'x\\]y']);
  });

  it('gives up on a label across lines (a quote or list would put markers inside it)', () => {
    expect(candidateLabels('> a [long\n> label]')).toBeNull();
    expect(referencesByContext('> a [long\n> label]')).toBe(false);
  });

  it('leaves images and footnotes to their own paths', () => {
    expect(referencesByContext('An ![image][i].')).toBe(false);
    expect(referencesByContext('A claim.[^1]')).toBe(false);
    expect(referencesByContext('No brackets at all.')).toBe(false);
    expect(referencesByContext('A [ref][r] with $x$ math.')).toBe(true);
  });

  it('appends one placeholder definition per label after the block', () => {
    expect(placeholders('See [a][b].\n').source).toBe('See [a][b].\n\n\n[a]: <>\n[b]: <>');
  });

  it('gives no placeholder to a label written only as an inline link, and re-parses if one is defined', () => {
    const held = placeholders('A [cut](https://exa and [ok](/x) and [ok] and [c](d).');
    expect(held.source).toBe('A [cut](https://exa and [ok](/x) and [ok] and [c](d).\n\n[ok]: <>');
    expect(held.inlineOnly).toEqual(['cut', 'c']);
    const defs = lateDefinitions('[ok]: <https://example.com/ok>', true);
    expect(placeholdersHold(new Set(['ok']), held.inlineOnly, defs)).toBe(true);
    expect(placeholdersHold(new Set(['ok', 'nobody']), held.inlineOnly, defs)).toBe(false);
    expect(placeholdersHold(new Set(['ok']), held.inlineOnly, lateDefinitions('[ok]: <https://example.com/ok>\n[CUT]: <https://example.com/cut>', true))).toBe(false);
  });

  // "[note]" left undefined reads "[note]" whether or not the placeholder made it a link, so the
  // end of the reply need not parse its block again; "[a *b*]" would be emphasis, and
  // "[www.example.com]" an autolink, once the brackets are not a link.
  it('needs a definition only for references whose text could parse differently without one', () => {
    const raw = 'A [note], a[i], [two words], [a *b*], [www.example.com], [x][note] and [y][].';
    let ids: ReadonlySet<string> = new Set();
    const processor = unified().use(remarkParse).use(REMARK_PLUGINS).use(markReferences, (found: ReadonlySet<string>) => (ids = found));
    processor.runSync(processor.parse(placeholders(raw).source));
    expect([...ids].sort()).toEqual(['a *b*', 'note', 'www.example.com', 'y']);
  });

  it('looks definitions up by identifier, the first of a label winning', () => {
    const defs = lateDefinitions('[Docs]: <https://example.com/a> "A"\n[docs]: <https://example.com/b>', true);
    expect(defs.byId.get('docs')).toEqual({ url: 'https://example.com/a', title: 'A' });
    expect(defs.byId.size).toBe(1);
  });

  it('gives a streaming tail an empty definition for each full or collapsed reference not defined yet', () => {
    const defs = lateDefinitions('[Known]: <https://example.com/k>', false);
    expect(pendingReferences('See [a][known], [b][Later], [c][] and [d] and a[i].', defs.byId)).toBe('[Later]: <>\n[c]: <>');
    expect(pendingReferences('No references here [x] (y).', defs.byId)).toBe('');
  });
});
