// Append-only text that stays flat in memory. Appending thousands of tiny deltas with `+=`
// builds V8 cons-strings at ~30 bytes of overhead per piece, so a stalled 10 MB reply made of
// 4-byte tokens would cost ~80 MB; joining pieces in batches keeps it near the text's own size.

const BATCH = 512;

export class TextBuffer {
  private parts: string[] = [];
  private recent: string[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.recent.push(text);
    this.size += text.length;
    if (this.recent.length >= BATCH) this.compact();
  }

  /** Returns everything and empties the buffer. */
  take(): string {
    const all = this.toString();
    this.parts = [];
    this.recent = [];
    this.size = 0;
    return all;
  }

  toString(): string {
    this.compact();
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  private compact(): void {
    if (this.recent.length === 0) return;
    this.parts.push(this.recent.length === 1 ? (this.recent[0] as string) : this.recent.join(''));
    this.recent = [];
  }
}
