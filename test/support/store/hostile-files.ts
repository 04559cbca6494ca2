// Hostile but valid import files (tests and bench:store): many tiny conversations, one very deep chain,
// and a big file. Deterministic, built in memory as the JSON text a user would pick.

/** ChatGPT conversations.json with `count` conversations of one question and one answer each. */
export function manyTinyChatGpt(count: number): string {
  const list = [];
  for (let i = 0; i < count; i++) {
    list.push({
      id: `tiny-${i}`,
      title: `Tiny ${i}`,
      create_time: 1_700_000_000 + i,
      update_time: 1_700_000_000 + i,
      current_node: 'a',
      mapping: {
        root: { id: 'root', parent: null, children: ['q'], message: null },
        q: { id: 'q', parent: 'root', children: ['a'], message: node('user', `Question ${i}?`, i) },
        a: { id: 'a', parent: 'q', children: [], message: node('assistant', `Answer ${i}.`, i) },
      },
    });
  }
  return JSON.stringify(list);
}

/** One ChatGPT conversation whose messages form a single chain `depth` nodes deep. */
export function deepChainChatGpt(depth: number): string {
  const mapping: Record<string, unknown> = { n0: { id: 'n0', parent: null, children: ['n1'], message: null } };
  for (let i = 1; i <= depth; i++) {
    mapping[`n${i}`] = { id: `n${i}`, parent: `n${i - 1}`, children: i < depth ? [`n${i + 1}`] : [], message: node(i % 2 ? 'user' : 'assistant', `Step ${i}`, i) };
  }
  return JSON.stringify([{ id: 'deep', title: 'Deep', create_time: 1_700_000_000, update_time: 1_700_000_000, current_node: `n${depth}`, mapping }]);
}

/** A Plume export whose messages form a single chain `depth` deep. */
export function deepChainPlume(depth: number): string {
  const messages = [];
  for (let i = 0; i < depth; i++) {
    messages.push({
      id: `m${i}`, parentId: i ? `m${i - 1}` : null, activeChildId: i < depth - 1 ? `m${i + 1}` : null, role: i % 2 ? 'assistant' : 'user',
      text: `Step ${i}`, reasoning: '', providerId: null, model: null, state: 'complete', finish: null, error: null, stats: null, createdAt: i, updatedAt: i,
    });
  }
  const conversation = { id: 'deep-plume', title: 'Deep', titleSource: 'user', createdAt: 0, updatedAt: depth, pinned: false, providerId: null, model: null, options: {}, systemPrompt: '', activeRootId: 'm0', messages };
  return JSON.stringify({ format: 'plume.conversations', version: 1, conversations: [conversation] });
}

function node(role: string, text: string, i: number) {
  return { id: `${role}-${i}`, author: { role }, create_time: 1_700_000_000 + i, content: { content_type: 'text', parts: [text] }, metadata: {}, recipient: 'all' };
}

/** ChatGPT conversations.json of `count` conversations whose answer is `answerChars` long: a big file fast. */
export function bigChatGpt(count: number, answerChars: number): string {
  const answer = 'All work and no play. '.repeat(Math.ceil(answerChars / 22)).slice(0, answerChars);
  const list = JSON.parse(manyTinyChatGpt(count)) as Array<{ id: string; title: string; mapping: { a: { message: { content: { parts: string[] } } } } }>;
  for (const c of list) {
    c.id = c.id.replace('tiny-', 'big-');
    c.title = c.title.replace('Tiny', 'Big');
    c.mapping.a.message.content.parts = [answer];
  }
  return JSON.stringify(list);
}
