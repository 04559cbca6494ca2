// The app's shape in miniature: deltas land in a buffer outside React and one animation frame
// publishes whatever arrived since the last one.

export interface Snapshot {
  text: string;
  streaming: boolean;
}

export interface Flush {
  /** Arrival times of the deltas this frame publishes. */
  arrivals: number[];
}

export class FrameStore {
  private snapshot: Snapshot = { text: '', streaming: true };
  private buffer = '';
  private arrivals: number[] = [];
  private scheduled = false;
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

  finish(): void {
    this.flush();
    this.snapshot = { text: this.snapshot.text, streaming: false };
    this.publish(() => this.emit(), { arrivals: [] });
  }

  /** Publishes now instead of at the next frame: tests use it to make one commit per delta. */
  flushNow(): void {
    this.flush();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.buffer === '') return;
    const arrivals = this.arrivals;
    this.snapshot = { text: this.snapshot.text + this.buffer, streaming: true };
    this.buffer = '';
    this.arrivals = [];
    this.publish(() => this.emit(), { arrivals });
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
