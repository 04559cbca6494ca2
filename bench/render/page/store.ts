// The app's shape in miniature: deltas land in a buffer outside React and one animation frame
// publishes whatever arrived since the last one.

export interface Snapshot {
  text: string;
  streaming: boolean;
}

export interface Flush {
  /** Arrival times of the deltas this frame publishes. */
  arrivals: number[];
  /** This publish also ends the reply. */
  ends: boolean;
}

export class FrameStore {
  private snapshot: Snapshot = { text: '', streaming: true };
  private buffer = '';
  private arrivals: number[] = [];
  private scheduled = false;
  private ending = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly publish: (emit: () => void, flush: Flush) => void) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): Snapshot => this.snapshot;

  append(delta: string): void {
    this.buffer += delta;
    this.arrivals.push(performance.now());
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.flush());
  }

  /**
   * The reply ends with the text buffered now: the next frame publishes both, as the app does
   * (main's end message carries whatever text it still held, reply-sender.ts, so the end reaches
   * the window with the last delta or a few ms after it).
   */
  endWithBuffered(): void {
    this.ending = true;
  }

  /** Ends the reply now, publishing any text still buffered with the end. */
  finish(): void {
    this.ending = true;
    this.flush();
  }

  /** Publishes now instead of at the next frame: tests use it to make one commit per delta. */
  flushNow(): void {
    this.flush();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.buffer === '' && !(this.ending && this.snapshot.streaming)) return;
    const arrivals = this.arrivals;
    const ends = this.ending;
    this.snapshot = { text: this.snapshot.text + this.buffer, streaming: !ends };
    this.buffer = '';
    this.arrivals = [];
    this.publish(() => this.emit(), { arrivals, ends });
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
