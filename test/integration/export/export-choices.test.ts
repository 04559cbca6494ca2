// What the user chooses for a readable export: the branch on screen or every branch (each version
// labelled), several conversations in one file, and speed, tokens and cost in the headers.
import { describe, expect, it } from 'vitest';
import { exportConversation, exportSome } from '../../../src/main/store/export/index.ts';
import { DONE, exchange, useTempStore } from '../../support/store/temp-store.ts';

const ctx = useTempStore();

function conversationWithVersions() {
  const { store } = ctx;
  const c = store.conversations.create({ title: 'Versions', providerId: 'p1', model: 'gpt-test' });
  const first = exchange(store, c.id, 'Pick a number', 'Seven');
  store.messages.regenerate(first.replyId, { providerId: 'p1', model: 'gpt-test' }).finish(DONE, 'Forty-two');
  return c.id;
}

describe('export choices', () => {
  it('the shown branch by default; every branch on request, each version labelled', () => {
    const id = conversationWithVersions();
    const shown = exportConversation(ctx.store, id, 'markdown').content;
    expect(shown).toContain('Forty-two');
    expect(shown).not.toContain('Seven');
    const all = exportConversation(ctx.store, id, 'markdown', Date.now(), { branches: 'all' }).content;
    expect(all).toMatch(/version 1 of 2[^\n]*<\/sub>\n\nSeven/);
    expect(all).toMatch(/version 2 of 2[^\n]*<\/sub>\n\nForty-two/);
    const html = exportConversation(ctx.store, id, 'html', Date.now(), { branches: 'all' }).content;
    expect(html.match(/<section class="message assistant"/g)).toHaveLength(2);
  });

  it('speed, tokens and cost in each reply header when asked, priced from the user’s table', () => {
    const id = conversationWithVersions();
    const plain = exportConversation(ctx.store, id, 'html').content;
    expect(plain).not.toContain('TTFT');
    const html = exportConversation(ctx.store, id, 'html', Date.now(), {
      stats: true,
      providerName: (p) => (p === 'p1' ? 'My gateway' : undefined),
      prices: [{ model: 'gpt-test', inputPerMTok: 1000, outputPerMTok: 2000 }],
    }).content;
    expect(html).toContain('My gateway · gpt-test · version 2 of 2');
    expect(html).toContain('TTFT 120 ms · 42.0 tok/s · 10 in / 20 out · ≈ $0.05');
  });

  it('several conversations in one file, in the order chosen', () => {
    const a = ctx.store.conversations.create({ title: 'Alpha' });
    ctx.store.messages.appendUser(a.id, 'first');
    const b = ctx.store.conversations.create({ title: 'Beta' });
    ctx.store.messages.appendUser(b.id, 'second');
    ctx.store.conversations.create({ title: 'Gamma, not chosen' });
    const file = exportSome(ctx.store, [b.id, a.id], 'html');
    expect(file.filename).toMatch(/^plume-conversations-\d{4}-\d\d-\d\d\.html$/);
    const titles = [...file.content.matchAll(/<h1>([^<]+)<\/h1>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Beta', 'Alpha']);
  });
});
