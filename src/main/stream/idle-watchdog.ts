// Ends a reply whose connection has gone silent. The SDKs' timeouts cover only the wait for
// headers, so a stream that stops sending bytes would otherwise hang forever.

export class IdleWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private resume: ReturnType<typeof setTimeout> | undefined;
  private lastKick = 0;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  start(): void {
    this.lastKick = performance.now();
    this.arm(this.idleMs);
  }

  /** Called on every received byte; cheap because it only records a timestamp. */
  kick(): void {
    this.lastKick = performance.now();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.resume);
    this.timer = undefined;
    this.resume = undefined;
  }

  /**
   * Stands aside while the adapter waits before a retry: it watches a stream, and a back-off
   * the provider asked for is not a stalled stream. Watching starts afresh when the wait ends.
   */
  pauseFor(ms: number): void {
    this.stop();
    this.resume = setTimeout(() => this.start(), ms);
    this.resume.unref?.();
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      const idleFor = performance.now() - this.lastKick;
      if (idleFor >= this.idleMs) {
        this.timer = undefined;
        this.onIdle();
      } else {
        this.arm(this.idleMs - idleFor);
      }
    }, ms);
    this.timer.unref?.();
  }
}
