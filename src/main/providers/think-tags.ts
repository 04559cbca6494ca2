// Many reasoning models served through OpenAI-compatible APIs (DeepSeek-R1 on Together, Groq's R1
// distills, Qwen and others in Ollama and LM Studio) write their reasoning into the content,
// between `<think>` and `</think>`; Gemini's compatible endpoint does the same with `<thought>`.
// A tag counts only at the very start of the content: that is where these models put it, and a
// tag in the middle of an answer is text the model meant to show.
import type { ProviderEvent } from '../../shared/provider-events';

const OPENING_TAGS = ['<think>', '<thought>'] as const;

type Phase = 'start' | 'inside' | 'answer-start' | 'answer';

export class ThinkTagSplitter {
  private phase: Phase;
  /** Text held back because it may still turn out to be (part of) a tag. */
  private held = '';
  private closingTag = '';

  /** `enabled: false` for a model that legitimately writes such tags: everything is text. */
  constructor(enabled = true) {
    this.phase = enabled ? 'start' : 'answer';
  }

  /** True while an opening tag has been seen and its closing tag has not. */
  get inReasoning(): boolean {
    return this.phase === 'inside';
  }

  *push(piece: string): Generator<ProviderEvent> {
    if (piece === '') return;
    switch (this.phase) {
      case 'answer':
        yield { type: 'text', text: piece };
        return;
      case 'start':
        yield* this.atStart(piece);
        return;
      case 'inside':
        yield* this.inside(piece);
        return;
      case 'answer-start':
        yield* this.answerStart(piece);
        return;
    }
  }

  /** The stream ended: whatever was held back is shown for what it most likely was. */
  *end(): Generator<ProviderEvent> {
    const held = this.held;
    this.held = '';
    if (held === '') return;
    // An unclosed tag (the model ran out of tokens while thinking) leaves reasoning, not an answer.
    if (this.phase === 'inside') yield { type: 'reasoning', text: held };
    else if (this.phase === 'start') yield { type: 'text', text: held };
  }

  private *atStart(piece: string): Generator<ProviderEvent> {
    this.held += piece;
    const trimmed = this.held.trimStart();
    if (trimmed === '') return; // only whitespace so far: wait for the first real character
    const tag = OPENING_TAGS.find((t) => trimmed.startsWith(t));
    if (tag) {
      this.phase = 'inside';
      this.closingTag = `</${tag.slice(1)}`;
      this.held = '';
      yield* this.inside(trimmed.slice(tag.length).trimStart());
      return;
    }
    if (OPENING_TAGS.some((t) => t.startsWith(trimmed))) return; // `<thi` — a tag may be forming
    this.phase = 'answer';
    const text = this.held;
    this.held = '';
    yield { type: 'text', text };
  }

  private *inside(piece: string): Generator<ProviderEvent> {
    const buffer = this.held + piece;
    const close = buffer.indexOf(this.closingTag);
    if (close >= 0) {
      this.held = '';
      if (close > 0) yield { type: 'reasoning', text: buffer.slice(0, close) };
      this.phase = 'answer-start';
      yield* this.answerStart(buffer.slice(close + this.closingTag.length));
      return;
    }
    // Keep back the longest tail that could be the start of the closing tag split across chunks.
    const keep = partialSuffix(buffer, this.closingTag);
    this.held = buffer.slice(buffer.length - keep);
    const shown = buffer.slice(0, buffer.length - keep);
    if (shown !== '') yield { type: 'reasoning', text: shown };
  }

  /** The blank lines models put between `</think>` and the answer are not part of the answer. */
  private *answerStart(piece: string): Generator<ProviderEvent> {
    const text = piece.replace(/^\s+/, '');
    if (text === '') return;
    this.phase = 'answer';
    yield { type: 'text', text };
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}
