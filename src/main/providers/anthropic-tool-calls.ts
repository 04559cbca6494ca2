// Assembles Anthropic tool-use content blocks into tool-call events: the block start carries
// the id and name, `input_json_delta` pieces carry the argument text, and `content_block_stop`
// is the one explicit end. A block still open when the message ends (max_tokens inside the
// JSON) ends as incomplete. Server tools and the MCP connector stream the same way but run at
// the provider, so they are marked `providerRun`.
import type { ProviderEvent } from '../../shared/provider-events';

interface OpenBlock {
  callId: string;
  sawDelta: boolean;
  /** The block start's own `input`; the API sends `{}` and streams the real input as deltas. */
  startInput: unknown;
}

const TOOL_BLOCKS: Record<string, boolean> = { tool_use: false, server_tool_use: true, mcp_tool_use: true };

export class AnthropicToolCallAssembler {
  private readonly open = new Map<number, OpenBlock>();

  *start(index: number, block: { type: string; id?: unknown; name?: unknown; input?: unknown }): Generator<ProviderEvent> {
    const providerRun = TOOL_BLOCKS[block.type];
    if (providerRun === undefined) return;
    const callId = typeof block.id === 'string' && block.id !== '' ? block.id : `toolu_${index}`;
    const name = typeof block.name === 'string' ? block.name : '';
    this.open.set(index, { callId, sawDelta: false, startInput: block.input });
    yield providerRun ? { type: 'tool-call-start', callId, name, providerRun } : { type: 'tool-call-start', callId, name };
  }

  *delta(index: number, partialJson: string): Generator<ProviderEvent> {
    const block = this.open.get(index);
    if (!block || partialJson === '') return;
    block.sawDelta = true;
    yield { type: 'tool-call-delta', callId: block.callId, text: partialJson };
  }

  *stop(index: number): Generator<ProviderEvent> {
    const block = this.open.get(index);
    if (!block) return;
    this.open.delete(index);
    // Input given whole in the block start, with no deltas after it.
    const input = block.startInput;
    if (!block.sawDelta && typeof input === 'object' && input !== null && Object.keys(input).length > 0) {
      yield { type: 'tool-call-delta', callId: block.callId, text: JSON.stringify(input) };
    }
    yield { type: 'tool-call-end', callId: block.callId, complete: true };
  }

  /** The message ended: blocks without their stop were cut off and must not run. */
  *abandon(): Generator<ProviderEvent> {
    for (const block of this.open.values()) yield { type: 'tool-call-end', callId: block.callId, complete: false };
    this.open.clear();
  }
}
