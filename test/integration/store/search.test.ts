// Search: ranking, snippets with highlight ranges, odd input, and what a hit points to.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src/shared/conversations.ts';
import { toFtsQuery } from '../../../src/main/store/search.ts';
import type { Store } from '../../../src/main/store/store.ts';
import { exchange, useTempStore } from '../../support/store/temp-store.ts';

const ctx = useTempStore();
let store: Store;
beforeEach(() => {
  store = ctx.store;
});

const marked = (h: SearchHit) => {
  let s = h.snippet.text;
  for (const [a, b] of [...h.snippet.highlights].reverse()) s = `${s.slice(0, a)}[${s.slice(a, b)}]${s.slice(b)}`;
  return s;
};

describe('search', () => {
  it('ranks a title match and dense matches above a passing mention', () => {
    const a = store.conversations.create({ title: 'Kubernetes networking' });
    exchange(store, a.id, 'Why is my pod unreachable?', 'Check the service selector.');
    const b = store.conversations.create({ title: 'Dinner ideas' });
    exchange(store, b.id, 'Anything quick?', 'A stir fry. Unrelated, but kubernetes came up at lunch.');
    const c = store.conversations.create({ title: 'Cluster notes' });
    exchange(store, c.id, 'Kubernetes kubernetes kubernetes', 'Kubernetes schedules pods.');

    const hits = store.search('kubernetes');
    expect(hits[0]).toMatchObject({ conversationId: a.id, messageId: null });
    expect(hits.at(-1)?.conversationId).toBe(b.id);
    expect(hits.find((h) => h.messageId !== null)?.conversationId).toBe(c.id);
  });

  it('returns plain-text snippets with ranges around the matched words, accents folded', () => {
    const c = store.conversations.create({ title: 'Travel' });
    const filler = 'word '.repeat(80);
    const { replyId } = exchange(store, c.id, 'Where should I go?', `${filler}You could try the café <b>near</b> the Crème brûlée shop. ${filler}`);
    const [hit] = store.search('creme cafe');
    expect(hit).toMatchObject({ conversationId: c.id, messageId: replyId, role: 'assistant', conversationTitle: 'Travel' });
    expect(hit!.snippet.text.length).toBeLessThan(200);
    expect(hit!.snippet.text.startsWith('…')).toBe(true);
    expect(marked(hit!)).toContain('try the [café] <b>near</b> the [Crème] brûlée');
  });

  it('treats the last word as a prefix while typing, and only then', () => {
    const c = store.conversations.create({ title: 'x' });
    exchange(store, c.id, 'Explain recursion', 'Recursive functions call themselves.');
    expect(store.search('recurs').map(marked)).toEqual(['Explain [recursion]', '[Recursive] functions call themselves.']);
    expect(store.search('recurs ')).toEqual([]);
  });

  it('never throws on FTS syntax typed by a person', () => {
    const c = store.conversations.create({ title: 'x' });
    exchange(store, c.id, 'C++ and NOT (AND) OR "quoted', 'answer');
    for (const q of ['"', 'AND', 'NOT (', 'c++', '-foo', 'a:b', '*', 'NEAR(a b)', '"unterminated', '   ']) {
      expect(() => store.search(q)).not.toThrow();
    }
    expect(store.search('"')).toEqual([]);
    expect(store.search('NOT (AND)').map(marked)).toEqual(['C++ [and] [NOT] ([AND]) OR "quoted']);
    expect(toFtsQuery('say "hello world" loud')?.match).toBe('"say" "hello world" "loud"*');
  });

  it('keeps markup in model text as text in the snippet', () => {
    const c = store.conversations.create({ title: 'x' });
    exchange(store, c.id, 'xss?', '<script>alert("boom")</script> boom');
    const [hit] = store.search('boom');
    expect(hit!.snippet.text).toBe('<script>alert("boom")</script> boom');
    expect(marked(hit!)).toBe('<script>alert("[boom]")</script> [boom]');
  });

  it('finds messages on branches that are not shown, and the hit can select that branch', () => {
    const c = store.conversations.create({ title: 'x' });
    const { replyId } = exchange(store, c.id, 'q', 'the zebra answer');
    store.messages.regenerate(replyId, { providerId: 'p', model: 'm' }).finish({ state: 'complete', stats: { usage: {}, estimated: true } }, 'the giraffe answer');
    const [hit] = store.search('zebra');
    expect(hit?.messageId).toBe(replyId);
    const path = store.messages.select(hit!.messageId!);
    expect(path.map((m) => m.text)).toEqual(['q', 'the zebra answer']);
  });

  it('lists a conversation once when its title and its first message match the same words', () => {
    const c = store.conversations.create({ title: 'Walrus habitats' });
    const { userId } = exchange(store, c.id, 'Where do walrus habitats start?', 'On Arctic sea ice.');
    const hits = store.search('walrus');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ conversationId: c.id, messageId: userId, titleHighlights: [[0, 6]] });
    expect(hits[0]!.at).toBeTypeOf('number');
  });

  it('shows markdown as plain text in snippets: no table pipes, heading marks, fences or emphasis', () => {
    const c = store.conversations.create({ title: 'x' });
    const reply = ['## Otter **facts**', '', '| Name | Otter kind |', '| --- | --- |', '| Sea | *marine* otter |', '', '```js', 'const otter = a || b;', '```', '> a [linked](https://example.com) otter'].join('\n');
    exchange(store, c.id, 'q', reply);
    const [hit] = store.search('otter');
    expect(hit!.snippet.text).toBe('Otter facts Name Otter kind Sea marine otter const otter = a || b; a linked otter');
    expect(marked(hit!)).toContain('[Otter] facts Name [Otter] kind');
  });
});
