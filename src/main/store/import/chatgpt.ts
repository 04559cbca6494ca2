// ChatGPT data export (conversations.json): an array of conversations, each a `mapping` of
// nodes {id, parent, children, message} plus the `current_node` that was on screen.
// Hidden system prompts and empty scaffolding nodes are dropped; their children attach to the
// nearest kept ancestor, "thoughts" become the next reply's reasoning, and tool calls with
// their outputs (code-interpreter cells, browsing) become the tool calls of the next reply (or of
// a reply of their own when no answer follows them).
import type { Role } from '../../../shared/chat';
import type { ConversationSnapshot } from '../snapshot.ts';
import { callStep, outputStep, pairSteps, type ToolStep } from './chatgpt-tools.ts';
import { storedCall } from './foreign-tools.ts';
import { ImportError, arr, member, obj, optNum, optStr, str, type Json, type JsonObject } from './read.ts';
import { foreignToSnapshot, type ForeignMessage } from './tree.ts';

interface Node {
  key: string;
  parent: string | null;
  /** null when the node is not shown as a message in Plume. */
  kept: { role: Role; text: string; model: string | null; createdAt: number | null; outcome: Pick<ForeignMessage, 'state' | 'finish'> } | null;
  reasoning: string;
  /** A hidden tool call or tool output, carried to the next message shown. */
  tool?: ToolStep;
}

function partsText(parts: Json[], where: string): string {
  return parts
    .map((p, i) => {
      if (typeof p === 'string') return p;
      if (p && typeof p === 'object' && !Array.isArray(p)) {
        // Attachments live outside the export; leave a visible trace instead of dropping them.
        return p.content_type === 'image_asset_pointer' ? '[image]' : '';
      }
      throw new ImportError(`${where}[${i}]`, 'should be text or an attachment');
    })
    .filter((s) => s.length > 0)
    .join('\n');
}

function readNode(key: string, raw: JsonObject, where: string): Node {
  const parent = optStr(raw.parent, `${where}.parent`);
  const base: Node = { key, parent, kept: null, reasoning: '' };
  if (raw.message === null || raw.message === undefined) return base;
  const msg = obj(raw.message, `${where}.message`);
  const role = str(obj(msg.author, `${where}.message.author`).role, `${where}.message.author.role`);
  const content = obj(msg.content, `${where}.message.content`);
  const type = str(content.content_type, `${where}.message.content.content_type`);
  const meta = msg.metadata && typeof msg.metadata === 'object' && !Array.isArray(msg.metadata) ? msg.metadata : {};
  const recipient = typeof msg.recipient === 'string' ? msg.recipient : 'all';

  if (type === 'thoughts') {
    const thoughts = arr(content.thoughts, `${where}.message.content.thoughts`);
    base.reasoning = thoughts
      .map((t, i) => str(obj(t, `${where}.message.content.thoughts[${i}]`).content, `${where}.message.content.thoughts[${i}].content`))
      .join('\n\n');
    return base;
  }
  if (role === 'assistant' && recipient !== 'all') return { ...base, tool: callStep(key, recipient, content) };
  if (role === 'tool') {
    const name = optStr(obj(msg.author, `${where}.message.author`).name ?? null, `${where}.message.author.name`) ?? 'tool';
    return { ...base, tool: outputStep(key, name, content, meta) };
  }
  const shownRole = role === 'user' || role === 'assistant' || role === 'system' ? role : null;
  if (!shownRole || recipient !== 'all' || meta.is_visually_hidden_from_conversation === true) return base;
  if (type !== 'text' && type !== 'multimodal_text') return base;
  const text = partsText(arr(content.parts, `${where}.message.content.parts`), `${where}.message.content.parts`);
  if (text.trim() === '') return base;
  const createTime = optNum(msg.create_time, `${where}.message.create_time`);
  const model = typeof meta.model_slug === 'string' ? meta.model_slug : null;
  base.kept = { role: shownRole, text, model, createdAt: createTime === null ? null : Math.round(createTime * 1000), outcome: shownRole === 'assistant' ? outcomeOf(msg, meta) : {} };
  return base;
}

/**
 * A reply the user stopped is exported with `finish_details.type` "interrupted" (or, if the export
 * was taken mid-reply, status "in_progress" / `is_complete` false); one cut at the length limit
 * with "max_tokens". Anything else ended normally.
 */
function outcomeOf(msg: JsonObject, meta: JsonObject): Pick<ForeignMessage, 'state' | 'finish'> {
  const details = meta.finish_details;
  const type = details && typeof details === 'object' && !Array.isArray(details) && typeof details.type === 'string' ? details.type : null;
  if (type === 'interrupted' || msg.status === 'in_progress' || meta.is_complete === false) return { state: 'stopped' };
  if (type === 'max_tokens') return { state: 'complete', finish: 'length' };
  return { state: 'complete', finish: type === 'stop' ? 'stop' : null };
}

function convertOne(raw: Json, where: string): ConversationSnapshot {
  const c = obj(raw, where);
  const id = optStr(c.conversation_id, `${where}.conversation_id`) ?? str(c.id, `${where}.id`);
  const mapping = obj(c.mapping, `${where}.mapping`);
  const nodes = new Map<string, Node>();
  for (const [key, value] of Object.entries(mapping)) {
    nodes.set(key, readNode(key, obj(value, member(`${where}.mapping`, key)), member(`${where}.mapping`, key)));
  }
  for (const n of nodes.values()) {
    if (n.parent !== null && !nodes.has(n.parent)) {
      throw new ImportError(`${member(`${where}.mapping`, n.key)}.parent`, `points to a missing node (${JSON.stringify(n.parent)})`);
    }
  }
  const current = optStr(c.current_node, `${where}.current_node`);
  if (current !== null && !nodes.has(current)) throw new ImportError(`${where}.current_node`, `points to a missing node (${JSON.stringify(current)})`);

  const created = optNum(c.create_time, `${where}.create_time`);
  const createdAt = created === null ? 0 : Math.round(created * 1000);
  const updated = optNum(c.update_time, `${where}.update_time`);

  // Nearest kept ancestor, collecting the reasoning and tool steps of dropped nodes on the way.
  const keptAncestor = (start: string | null): { key: string | null; reasoning: string[]; tools: ToolStep[] } => {
    const reasoning: string[] = [];
    const tools: ToolStep[] = [];
    let key = start;
    for (let steps = 0; key !== null; steps++) {
      if (steps > nodes.size) throw new ImportError(`${where}.mapping`, `has a cycle of parent links through ${JSON.stringify(key)}`);
      const n = nodes.get(key) as Node;
      if (n.kept) break;
      if (n.reasoning) reasoning.unshift(n.reasoning);
      if (n.tool) tools.unshift(n.tool);
      key = n.parent;
    }
    return { key, reasoning, tools };
  };

  const messages: ForeignMessage[] = [];
  /** Tools that ran with no reply shown after them get a reply of their own, holding the calls. */
  const toolsReply = (key: string, up: ReturnType<typeof keptAncestor>, at: number | null): string | null => {
    const calls = pairSteps(up.tools).map((c) => storedCall(c, 'ChatGPT'));
    if (calls.length === 0) return null;
    const sourceId = `${key}:tools`;
    messages.push({ sourceId, parentSourceId: up.key, role: 'assistant', text: '', reasoning: up.reasoning.join('\n\n'), model: null, createdAt: at ?? createdAt, toolCalls: calls });
    return sourceId;
  };
  for (const n of nodes.values()) {
    if (!n.kept) continue;
    const up = keptAncestor(n.parent);
    // Tools then the user speaking before any answer: the calls get a reply of their own.
    const toolsBefore = n.kept.role === 'assistant' ? null : toolsReply(n.key, up, n.kept.createdAt);
    const calls = n.kept.role === 'assistant' ? pairSteps(up.tools).map((c) => storedCall(c, 'ChatGPT')) : [];
    messages.push({
      ...(calls.length ? { toolCalls: calls } : {}),
      sourceId: n.key,
      parentSourceId: toolsBefore ?? up.key,
      role: n.kept.role,
      text: n.kept.text,
      reasoning: n.kept.role === 'assistant' ? up.reasoning.join('\n\n') : '',
      model: n.kept.model,
      createdAt: n.kept.createdAt ?? createdAt,
      ...n.kept.outcome,
    });
  }
  // A branch that ends in tools (the export was taken mid-run, or the run failed): same.
  const parents = new Set([...nodes.values()].map((n) => n.parent));
  const endsInTools = new Map<string, string>();
  for (const n of nodes.values()) {
    if (n.kept || parents.has(n.key)) continue;
    const reply = toolsReply(n.key, keptAncestor(n.key), null);
    if (reply) endsInTools.set(n.key, reply);
  }
  return foreignToSnapshot(
    {
      sourceKey: `chatgpt:${id}`,
      providerId: 'openai',
      title: optStr(c.title, `${where}.title`) ?? '',
      createdAt,
      updatedAt: updated === null ? createdAt : Math.round(updated * 1000),
      messages,
      activeLeafSourceId: current === null ? null : (endsInTools.get(current) ?? keptAncestor(current).key),
    },
    `${where}.mapping`,
  );
}

export function looksLikeChatGpt(first: Json | undefined): boolean {
  return !!first && typeof first === 'object' && !Array.isArray(first) && 'mapping' in first;
}

export function fromChatGpt(list: Json[]): ConversationSnapshot[] {
  return list.map((c, i) => convertOne(c, `conversations[${i}]`));
}
