import { describe, expect, it } from 'vitest';
import { listChunks } from '../../../src/renderer/src/markdown/list-tail.ts';

describe('a growing list cut into items', () => {
  it('cuts a tight list at its items, nested lines staying with their item', () => {
    expect(listChunks('- one\n- two\n  - nested\n  more\n- thr')).toEqual({
      ordered: false,
      start: 1,
      items: ['- one\n', '- two\n  - nested\n  more\n', '- thr'],
      tasks: false,
    });
    expect(listChunks('3. three\n4. four\n')).toEqual({ ordered: true, start: 3, items: ['3. three\n', '4. four\n'], tasks: false });
  });

  it('keeps a settled list’s trailing blank lines out, and the start of a next item with the last one', () => {
    expect(listChunks('- a\n- b\n\n')?.items).toEqual(['- a\n', '- b\n']);
    expect(listChunks('1. a\n2', true)?.items).toEqual(['1. a\n2']);
    expect(listChunks('- a\n- ')?.items).toEqual(['- a\n', '- ']);
    // Settled, a last "-" is an empty item of its own, not a marker on its way.
    expect(listChunks('- a\n-')).toBeNull();
  });

  it('knows a task list, and waits while a checkbox is still in doubt', () => {
    expect(listChunks('- [ ] todo\n- done')?.tasks).toBe(true);
    expect(listChunks('- [link](x) is not a task')?.tasks).toBe(false);
    for (const unsure of ['- a\n- [', '- a\n- [x', '- a\n- [ ]', '- [x] \n- b']) expect(listChunks(unsure), unsure).toBeNull();
    // Still arriving, the last item shows as its own parse does; the class waits for the line.
    expect(listChunks('- a\n- [x', true)).toMatchObject({ items: ['- a\n', '- [x'], tasks: false });
    expect(listChunks('- [x] \n- b', true)).toBeNull();
  });

  it('leaves to the parser what the cut could get wrong', () => {
    for (const tail of [
      '- a\n\n- b', // loose: items are paragraphs
      '- a\n- b\nlazy line', // a line at the margin: lazy continuation, or the list ends
      '- a\n* b', // another marker starts another list
      '1. a\n2) b',
      '- a\n- - -', // a thematic break
      '- a\n```\ncode', // a fence at the margin
      '-  two spaces', // content column the cut does not model
      '- see [x]\n\n[x]: /u', // definitions
      'Not a list',
    ]) {
      expect(listChunks(tail), tail).toBeNull();
    }
  });
});
