// Plain counters, read by the benchmark and the render-count tests. Incrementing a number is the
// cheapest way to observe renders without a Profiler on the hot path.
export const renderStats = {
  blockRenders: 0,
  /** Characters handed to react-markdown (plus the splitter's verifying parser, added by callers). */
  parsedChars: 0,
  /** Length of the streaming tail at the last render of a message. */
  tailChars: 0,
  /** Set only by tests that need to know which block rendered. */
  onBlockRender: null as ((blockKey: string) => void) | null,
};

export function resetRenderStats(): void {
  renderStats.blockRenders = 0;
  renderStats.parsedChars = 0;
  renderStats.tailChars = 0;
}
