// The tool calls of the reply being streamed, as the window shows them. Traffic from the port
// is queued here and applied once per frame with the text; each call's argument text feeds its
// own resumable parser, so the key/value view grows with the arguments at a cost linear in their
// length. A call changed in a frame gets a new view object, so only it re-renders.
import { PartialJsonParser, type JsonValue } from '../../../../shared/partial-json';
import type { ToolTraffic } from '../../../../shared/port/messages';
import type { StoredToolCall, ToolResult } from '../../../../shared/tool-calls';

/** writing: arguments streaming; written: final; cut: the reply stopped inside them; invalid: not JSON. */
export type ToolCallState = 'writing' | 'written' | 'cut' | 'invalid';

export interface ToolCallView {
  callId: string;
  name: string;
  /** Where the call stands in the reply text. */
  at: number;
  /** Run by the provider itself (Anthropic server tools), not by Plume. */
  providerRun?: boolean;
  argsText: string;
  /** The arguments parsed so far: only what the rest of the text cannot contradict. */
  args: JsonValue | undefined;
  parseError?: string;
  state: ToolCallState;
  /** What happened after the arguments: asked, running, done, or not run and why. */
  run?: ToolRun;
}

export type ToolRun =
  | { phase: 'asking'; server: string; tool: string }
  | { phase: 'running'; server: string; tool: string; startedAt: number; progress?: { progress: number; total?: number; message?: string } }
  | { phase: 'done'; server?: string; tool?: string; result: ToolResult }
  | { phase: 'skipped'; reason: string };

/** This frame's changes: the calls (when any changed) and notices about the reply as a whole. */
export interface ToolFrame {
  calls?: ToolCallView[];
  notices: string[];
}

export class LiveToolCalls {
  private pending: ToolTraffic[] = [];
  private readonly parsers = new Map<string, PartialJsonParser>();

  add(traffic: readonly ToolTraffic[]): void {
    for (const item of traffic) this.pending.push(item);
  }

  /**
   * The calls with this frame's traffic applied, or `undefined` when nothing changed. When the
   * reply has ended, calls whose arguments never ended are marked as cut off.
   */
  apply(current: readonly ToolCallView[] = [], replyEnded = false): ToolFrame {
    const notices: string[] = [];
    const waiting = (c: ToolCallView) => c.state === 'writing' || c.run?.phase === 'asking' || c.run?.phase === 'running';
    if (this.pending.length === 0 && !(replyEnded && current.some(waiting))) return { notices };
    const calls = [...current];
    const changed = new Map<string, ToolCallView>();
    const edit = (callId: string): ToolCallView | undefined => {
      const existing = changed.get(callId);
      if (existing) return existing;
      const at = calls.findIndex((c) => c.callId === callId);
      if (at === -1) return undefined;
      const copy = { ...(calls[at] as ToolCallView) };
      calls[at] = copy;
      changed.set(callId, copy);
      return copy;
    };
    for (const item of this.pending) {
      if (item.k === 'notice') {
        notices.push(item.text);
        continue;
      }
      if (item.k === 'call') {
        const call: ToolCallView = { callId: item.callId, name: item.name, at: item.at, argsText: '', args: undefined, state: 'writing' };
        if (item.providerRun) call.providerRun = true;
        calls.push(call);
        changed.set(item.callId, call);
        this.parsers.set(item.callId, new PartialJsonParser());
        continue;
      }
      const call = edit(item.callId);
      const parser = this.parsers.get(item.callId);
      if (!call || !parser) continue;
      if (item.k === 'args') {
        call.argsText += item.text;
        parser.push(item.text);
      } else if (item.k === 'end') this.end(call, parser, item.complete);
      else call.run = nextRun(call.run, item);
    }
    this.pending = [];
    for (const call of changed.values()) {
      const parser = this.parsers.get(call.callId);
      if (!parser) continue;
      call.args = parser.value ?? call.args;
      if (parser.error && call.state === 'writing') call.parseError = parser.error;
    }
    if (replyEnded) {
      for (const call of calls) {
        if (call.state === 'writing') (edit(call.callId) as ToolCallView).state = 'cut';
        // The reply ended while the call waited or ran: it will not finish now.
        if (call.run?.phase === 'asking' || call.run?.phase === 'running') (edit(call.callId) as ToolCallView).run = { phase: 'skipped', reason: 'The reply ended before this call finished.' };
      }
    }
    return { calls, notices };
  }

  private end(call: ToolCallView, parser: PartialJsonParser, complete: boolean): void {
    if (!complete) {
      call.state = 'cut';
      return;
    }
    // A call without parameters may send no argument text at all.
    if (call.argsText.trim() === '') {
      call.args = {};
      call.state = 'written';
      return;
    }
    parser.end();
    call.state = parser.error ? 'invalid' : 'written';
    if (parser.error) call.parseError = parser.error;
  }
}

/** Main's copy of a message may lack what the window showed live (a row written before the last notice). */
export function keepToolCalls<T extends { toolCalls?: readonly ToolCallView[]; toolNotices?: readonly string[] }>(fresh: T, shown: T | undefined): T {
  if (!shown) return fresh;
  let kept = fresh;
  if (shown.toolCalls && !fresh.toolCalls) kept = { ...kept, toolCalls: shown.toolCalls };
  if (shown.toolNotices && !fresh.toolNotices) kept = { ...kept, toolNotices: shown.toolNotices };
  return kept;
}

/** Calls from the message tree. One stored mid-decision or mid-run was cut short by a restart. */
export function viewsFromStored(calls: readonly StoredToolCall[]): ToolCallView[] {
  return calls.map((stored) => {
    const parser = new PartialJsonParser();
    parser.push(stored.argsText);
    if (stored.complete) parser.end();
    const view: ToolCallView = {
      callId: stored.callId,
      name: stored.name,
      at: stored.at,
      argsText: stored.argsText,
      args: stored.complete && stored.argsText.trim() === '' ? {} : parser.value,
      state: !stored.complete ? 'cut' : parser.error && stored.argsText.trim() !== '' ? 'invalid' : 'written',
    };
    if (stored.providerRun) view.providerRun = true;
    if (stored.phase === 'done' && stored.result) view.run = { phase: 'done', result: stored.result, ...(stored.server ? { server: stored.server } : {}) };
    else if (stored.phase === 'skipped') view.run = { phase: 'skipped', reason: stored.reason ?? 'It was not run.' };
    else if (stored.phase === 'asking' || stored.phase === 'running') {
      view.run = { phase: 'skipped', reason: `Interrupted: Plume stopped while this call was ${stored.phase === 'asking' ? 'waiting for your decision' : 'running'}. It is not run again on its own.` };
    }
    return view;
  });
}

function nextRun(run: ToolRun | undefined, item: Exclude<ToolTraffic, { k: 'call' | 'args' | 'end' | 'notice' }>): ToolRun | undefined {
  switch (item.k) {
    case 'ask':
      return { phase: 'asking', server: item.server, tool: item.tool };
    case 'running':
      return { phase: 'running', server: item.server, tool: item.tool, startedAt: item.startedAt };
    case 'progress': {
      if (run?.phase !== 'running') return run;
      const progress: { progress: number; total?: number; message?: string } = { progress: item.progress };
      if (item.total !== undefined) progress.total = item.total;
      if (item.message !== undefined) progress.message = item.message;
      return { ...run, progress };
    }
    case 'result':
      return run?.phase === 'running' ? { phase: 'done', server: run.server, tool: run.tool, result: item.result } : { phase: 'done', result: item.result };
    case 'skipped':
      return { phase: 'skipped', reason: item.reason };
  }
}

