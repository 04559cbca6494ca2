// Turns raw Messages stream events into ProviderEvents. A reply is complete only when
// `message_stop` arrives; until then the stop reason from `message_delta` is just remembered.
// The SDK types promise fields that Anthropic's own examples and compatible gateways leave out
// (`usage` on message_start and message_delta), so every field is read as optional: a missing
// or odd one must never cost the user the reply. Unknown event and block types are skipped.
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { FinishReason, ProviderEvent } from '../../shared/provider-events';
import { AnthropicToolCallAssembler } from './anthropic-tool-calls';
import { AnthropicUsageTally } from './usage-normalize';

/** An event as it may really arrive: the SDK's shape, with any part possibly missing. */
type LooseEvent = { [K in keyof RawMessageStreamEvent]?: unknown } & { type?: unknown };
type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asIndex = (value: unknown): number => (typeof value === 'number' ? value : 0);

export class AnthropicEventReader {
  private readonly usage = new AnthropicUsageTally();
  private stopReason: string | undefined;
  private stopped = false;
  private readonly toolCalls = new AnthropicToolCallAssembler();

  *read(item: RawMessageStreamEvent | LooseEvent): Generator<ProviderEvent> {
    const event = asObject(item);
    switch (event['type']) {
      case 'message_start':
        this.usage.add(asObject(event['message'])['usage']);
        break;
      case 'content_block_start': {
        // Blocks normally start empty, but nothing forbids a first piece here.
        const block = asObject(event['content_block']);
        if (block['type'] === 'text' && asText(block['text'])) yield { type: 'text', text: asText(block['text']) };
        if (block['type'] === 'thinking' && asText(block['thinking'])) yield { type: 'reasoning', text: asText(block['thinking']) };
        if (typeof block['type'] === 'string') yield* this.toolCalls.start(asIndex(event['index']), block as { type: string });
        break;
      }
      case 'content_block_delta': {
        const delta = asObject(event['delta']);
        if (delta['type'] === 'text_delta' && asText(delta['text'])) yield { type: 'text', text: asText(delta['text']) };
        if (delta['type'] === 'thinking_delta' && asText(delta['thinking'])) yield { type: 'reasoning', text: asText(delta['thinking']) };
        if (delta['type'] === 'input_json_delta') yield* this.toolCalls.delta(asIndex(event['index']), asText(delta['partial_json']));
        // signatures and citations are not shown (yet)
        break;
      }
      case 'content_block_stop':
        yield* this.toolCalls.stop(asIndex(event['index']));
        break;
      case 'message_delta': {
        const stopReason = asObject(event['delta'])['stop_reason'];
        if (typeof stopReason === 'string' && stopReason !== '') this.stopReason = stopReason;
        // Cumulative totals: the latest value replaces the earlier one.
        this.usage.add(event['usage']);
        break;
      }
      case 'message_stop':
        this.stopped = true;
        break;
    }
  }

  *end(): Generator<ProviderEvent> {
    yield* this.toolCalls.abandon();
    const usage = this.usage.usage();
    if (usage) yield { type: 'usage', usage };
    if (!this.stopped) return; // no message_stop: the caller shows an interrupted reply
    const raw = this.stopReason ?? 'end_turn';
    yield { type: 'finish', reason: mapStopReason(raw), raw };
  }
}

function mapStopReason(raw: string): FinishReason {
  switch (raw) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'refusal';
    default:
      return 'other'; // pause_turn and anything newer
  }
}
