// Turns raw Messages stream events into ProviderEvents. A reply is complete only when
// `message_stop` arrives; until then the stop reason from `message_delta` is just remembered.
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { FinishReason, ProviderEvent, Usage } from '../../shared/provider-events';
import { AnthropicToolCallAssembler } from './anthropic-tool-calls';

export class AnthropicEventReader {
  private usage: Usage = {};
  private stopReason: string | undefined;
  private stopped = false;
  private readonly toolCalls = new AnthropicToolCallAssembler();

  *read(event: RawMessageStreamEvent): Generator<ProviderEvent> {
    switch (event.type) {
      case 'message_start':
        this.usage.inputTokens = event.message.usage.input_tokens;
        break;
      case 'content_block_start': {
        // Blocks normally start empty, but nothing forbids a first piece here.
        const block = event.content_block;
        if (block.type === 'text' && block.text) yield { type: 'text', text: block.text };
        if (block.type === 'thinking' && block.thinking) yield { type: 'reasoning', text: block.thinking };
        yield* this.toolCalls.start(event.index, block);
        break;
      }
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta.type === 'text_delta' && delta.text) yield { type: 'text', text: delta.text };
        if (delta.type === 'thinking_delta' && delta.thinking) yield { type: 'reasoning', text: delta.thinking };
        if (delta.type === 'input_json_delta') yield* this.toolCalls.delta(event.index, delta.partial_json);
        // signatures and citations are not shown (yet)
        break;
      }
      case 'content_block_stop':
        yield* this.toolCalls.stop(event.index);
        break;
      case 'message_delta':
        if (event.delta.stop_reason) this.stopReason = event.delta.stop_reason;
        // Cumulative totals: the latest value replaces the earlier one.
        if (typeof event.usage.output_tokens === 'number') this.usage.outputTokens = event.usage.output_tokens;
        if (typeof event.usage.input_tokens === 'number') this.usage.inputTokens = event.usage.input_tokens;
        if (event.usage.output_tokens_details) this.usage.reasoningTokens = event.usage.output_tokens_details.thinking_tokens;
        break;
      case 'message_stop':
        this.stopped = true;
        break;
    }
  }

  *end(): Generator<ProviderEvent> {
    yield* this.toolCalls.abandon();
    if (Object.keys(this.usage).length > 0) yield { type: 'usage', usage: { ...this.usage } };
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
