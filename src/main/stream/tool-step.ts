// The tool side of a reply: collects the calls one model step wrote, and describes the tools
// that can run them. The session (reply-session.ts) runs the steps; this file knows nothing of
// MCP, only of finished calls, decisions and results.
import type { ToolCallEvent } from '../../shared/provider-events';
import type { ToolTraffic } from '../../shared/port/tool-traffic';
import type { ToolDecision, ToolResult, ToolSpec } from '../../shared/tool-calls';

export interface FinishedCall {
  callId: string;
  name: string;
  argsText: string;
}

/** What a tool run may do while it runs: tell the window, wait for the user, notice Stop. */
export interface ToolRunIO {
  signal: AbortSignal;
  send(traffic: Exclude<ToolTraffic, { k: 'call' }>): void;
  /** Resolves with the user's answer to the `ask` traffic sent for this call. */
  decision(callId: string): Promise<ToolDecision>;
}

export interface ReplyTools {
  specs: ToolSpec[];
  /** Most model steps in one reply; the next step after the cap is not requested. */
  maxSteps: number;
  /** Asks (if policy says so), runs and returns the result; a failure is an error result, not a throw. */
  run(call: FinishedCall, io: ToolRunIO): Promise<ToolResult>;
}

/** Collects one step's calls from the adapter's events. */
export class StepCalls {
  private readonly calls = new Map<string, FinishedCall & { complete?: boolean; providerRun: boolean }>();

  add(event: ToolCallEvent): void {
    if (event.type === 'tool-call-start') {
      this.calls.set(event.callId, { callId: event.callId, name: event.name, argsText: '', providerRun: !!event.providerRun });
      return;
    }
    const call = this.calls.get(event.callId);
    if (!call) return;
    if (event.type === 'tool-call-delta') call.argsText += event.text;
    else call.complete = event.complete;
  }

  /** Calls Plume should run: ended explicitly and whole, and not run by the provider itself. */
  runnable(): FinishedCall[] {
    return [...this.calls.values()].filter((c) => c.complete === true && !c.providerRun).map(({ callId, name, argsText }) => ({ callId, name, argsText }));
  }
}
