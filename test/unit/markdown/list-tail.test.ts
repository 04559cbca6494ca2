import { describe, expect, it } from 'vitest';
import { listChunks } from '../../../src/renderer/src/markdown/list-tail.ts';

describe('a growing list cut into items', () => {
  it('cuts a tight list at its items, nested lines staying with their item', () => {
    expect(listChunks('- one\n- two\n  - nested\n  more\n- thr')).toEqual({
      ordered: false,
      start: 1,
      items: ['- one\n', '- two\n  - nested\n  more\n', '- thr'],
      tasks: false,
      loose: false,
      standIn: '- x\n',
    });
    expect(listChunks('9. a\n10. b\n    - c\n\t- d')?.items).toEqual(['9. a\n', '10. b\n    - c\n\t- d']);
    expect(listChunks('3. three\n4. four\n')).toEqual({ ordered: true, start: 3, items: ['3. three\n', '4. four\n'], tasks: false, loose: false, standIn: '1. x\n' });
  });

  it('cuts a loose list (blank lines between items) at its items too, and says it is loose', () => {
    expect(listChunks('1. Step one\n\n2. Step two\n   - detail\n\n\n3. no\n', true)).toEqual({
      ordered: true,
      start: 1,
      items: ['1. Step one\n', '2. Step two\n   - detail\n', '3. no\n'],
      tasks: false,
      loose: true,
      standIn: '1. x\n',
    });
    expect(listChunks('* a\n* b\n\n* c')).toMatchObject({ items: ['* a\n', '* b\n', '* c'], loose: true, standIn: '* x\n' });
    // The next marker arriving after a blank line goes with the last item, whose repair hides it.
    expect(listChunks('1. a\n\n2. b\n\n3', true)).toMatchObject({ items: ['1. a\n', '2. b\n3'], loose: true });
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
      '- a\n\n  second paragraph', // an item's second paragraph
      '1. a\n\n```\ncode', // after a blank line, anything but the next item
      '- a\n\nText after the list',
      '1. a\n\n2', // settled, a bare marker after a blank line: the parser judges
      '- a\n- b\nlazy line', // a line at the margin: lazy continuation, or the list ends
      '- a\n* b', // another marker starts another list
      '1. a\n2) b',
      '- a\n- - -', // a thematic break
      '- a\n```\ncode', // a fence at the margin
      '-  two spaces', // content column the cut does not model
      '9. a\n10. b\n   - c', // three spaces are short of "10. ": a list of its own
      '- a\n b', // a lazy line
      '- see [x]\n\n[x]: /u', // definitions
      'Not a list',
    ]) {
      expect(listChunks(tail), tail).toBeNull();
    }
  });
});
