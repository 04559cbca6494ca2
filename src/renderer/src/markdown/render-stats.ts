// Plain counters, read by the benchmark and the render-count tests. Incrementing a number is the
// cheapest way to observe renders without a Profiler on the hot path.
export const renderStats = {
  blockRenders: 0,
  /** Table rows (header rows included) rendered by react-markdown. */
  rowRenders: 0,
  /** Characters handed to react-markdown (the splitter's verifying parser is counted in verify.ts). */
  parsedChars: 0,
  /** Length of the streaming tail at the last render of a message. */
  tailChars: 0,
  /** Milliseconds spent in idle-time upgrade commits (highlighting, typesetting, their layout). */
  upgradeMs: 0,
  /** Longest idle slice that swapped highlighted parts in, and how many slices ran. */
  maxSliceMs: 0,
  slices: 0,
  /** Whole-block verification passes (highlight-progress.ts) whose result has been compared. */
  highlightVerifications: 0,
  /** Set by the tests and the render bench that need to know which block rendered. */
  onBlockRender: null as ((blockKey: string) => void) | null,
};

export function resetRenderStats(): void {
  renderStats.blockRenders = 0;
  renderStats.rowRenders = 0;
  renderStats.parsedChars = 0;
  renderStats.tailChars = 0;
  renderStats.upgradeMs = 0;
  renderStats.maxSliceMs = 0;
  renderStats.slices = 0;
  renderStats.highlightVerifications = 0;
}
