// The messages that travel on a reply's port.
import type { ReplyOutcome, ReplyPlacement } from '../chat';
import type { ToolDecision } from '../tool-calls';
import { isToolTraffic, type ToolTraffic } from './tool-traffic';

export type { ToolTraffic } from './tool-traffic';
import type { RetryNotice } from '../retry';

/** How many messages main may have in flight before the renderer grants more credit. */
export const DEFAULT_CREDIT_WINDOW = 8;

/** Facts about the reply that ride once on the next message, whatever it carries. */
export interface ReplyMeta {
  /** Where the reply's rows live; sent before any text. */
  placement?: ReplyPlacement;
  /** Time to first token, with the first token. */
  ttftMs?: number;
  /** Tool calls as they stream: coalesced and ordered like the text (tool-traffic.ts). */
  tools?: ToolTraffic[];
  /** Main is waiting to try the request again (rate limited, overloaded…). */
  retry?: RetryNotice;
}

/** Main → renderer. Every one of them costs one credit. Text is coalesced, never dropped. */
export type ReplyMessage =
  | ({ t: 'delta'; seq: number; text: string; reasoning: string } & ReplyMeta)
  | ({
      t: 'end';
      seq: number;
      /** Whatever text was still pending when the reply ended. */
      text: string;
      reasoning: string;
      outcome: ReplyOutcome;
    } & ReplyMeta);

/** Renderer → main. */
export type ControlMessage =
  | { t: 'credit'; n: number } // "I have applied n messages: you may send n more"
  | { t: 'stop' } // user pressed Stop
  | { t: 'decide'; callId: string; decision: ToolDecision }; // the user's answer to a tool call

export function isControlMessage(value: unknown): value is ControlMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { t?: unknown; n?: unknown; callId?: unknown; decision?: unknown };
  if (m.t === 'stop') return true;
  if (m.t === 'decide') return typeof m.callId === 'string' && isToolDecision(m.decision);
  return m.t === 'credit' && Number.isSafeInteger(m.n) && (m.n as number) > 0;
}

export function isReplyMessage(value: unknown): value is ReplyMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Record<'t' | 'text' | 'reasoning' | 'seq' | 'tools', unknown>>;
  return (
    (m.t === 'delta' || m.t === 'end') &&
    typeof m.text === 'string' &&
    typeof m.reasoning === 'string' &&
    typeof m.seq === 'number' &&
    (m.tools === undefined || isToolTraffic(m.tools))
  );
}

function isToolDecision(value: unknown): value is ToolDecision {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as { kind?: unknown; reason?: unknown };
  if (d.kind === 'deny') return d.reason === undefined || (typeof d.reason === 'string' && d.reason.length <= 2_000);
  return d.kind === 'once' || d.kind === 'conversation' || d.kind === 'always';
}
