// Plain counters, read by the benchmark and the render-count tests. Incrementing a number is the
// cheapest way to observe renders without a Profiler on the hot path.
export const renderStats = {
  blockRenders: 0,
  /** Characters handed to react-markdown (plus the splitter's verifying parser, added by callers). */
  parsedChars: 0,
};

export function resetRenderStats(): void {
  renderStats.blockRenders = 0;
  renderStats.parsedChars = 0;
}
