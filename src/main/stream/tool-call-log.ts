// The reply's tool calls as the message tree keeps them, built from the same traffic the window
// gets. `changed` is true when a call's state moved (not on every argument piece), which is when
// the row is worth writing, so a crash leaves each call where it really was.
import type { ToolTraffic } from '../../shared/port/tool-traffic';
import type { StoredToolCall } from '../../shared/tool-calls';

export class ToolCallLog {
  private readonly calls: StoredToolCall[] = [];
  private readonly given: string[] = [];

  /** Applies one piece of traffic; returns whether the stored state should be written now. */
  apply(traffic: ToolTraffic): boolean {
    if (traffic.k === 'notice') {
      this.given.push(traffic.text);
      return true;
    }
    if (traffic.k === 'call') {
      const call: StoredToolCall = { callId: traffic.callId, name: traffic.name, argsText: '', at: traffic.at, complete: false };
      if (traffic.providerRun) call.providerRun = true;
      this.calls.push(call);
      return true;
    }
    const call = this.calls.find((c) => c.callId === traffic.callId);
    if (!call) return false;
    switch (traffic.k) {
      case 'args':
        call.argsText += traffic.text;
        return false;
      case 'end':
        call.complete = traffic.complete;
        return true;
      case 'ask':
        call.phase = 'asking';
        call.server = traffic.server;
        return true;
      case 'running':
        call.phase = 'running';
        call.server = traffic.server;
        return true;
      case 'progress':
        return false;
      case 'result':
        call.phase = 'done';
        call.result = traffic.result;
        return true;
      case 'skipped':
        call.phase = 'skipped';
        call.reason = traffic.reason;
        return true;
    }
  }

  get all(): readonly StoredToolCall[] {
    return this.calls;
  }

  get notices(): readonly string[] {
    return this.given;
  }
}
