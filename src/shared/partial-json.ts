// A resumable JSON parser for tool-call arguments that arrive a few characters at a time.
// Each `push` does work proportional to the text pushed, never to the text so far: the value is
// built in place (strings grow by concatenation, containers by insertion), so a 1 MB argument in
// 40,000 deltas costs one pass, where re-parsing the accumulated text per delta costs 40,000.
//
// What `value` shows is always consistent with the finished document: a string may be a prefix
// of its final text, the last element of an array or the last key of an object may still be
// growing, but nothing is ever shown that the rest of the text could contradict. So a number
// or `true`/`false`/`null` appears only once its token has ended (a number cut at "12" could
// become 123), a key only once its name is closed and its value has begun, and an escape only
// once all of it has arrived. The parser never decides that the document is finished because
// the text so far happens to parse: only `end()` says that.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

type Container = JsonValue[] | { [key: string]: JsonValue };

// Plain constants rather than enums: Node runs these files with types stripped (benchmarks).
const Expect = {
  Value: 0, // a value must start here (after `:`, `,` in an array, or at the start)
  ValueOrArrayEnd: 1, // just after `[`
  KeyOrObjectEnd: 2, // just after `{`
  Key: 3, // after `,` in an object
  Colon: 4,
  CommaOrEnd: 5, // after a value inside a container
  Nothing: 6, // the top-level value is complete: only whitespace may follow
} as const;
type Expect = (typeof Expect)[keyof typeof Expect];

const Token = { None: 0, String: 1, Number: 2, Literal: 3 } as const;
type Token = (typeof Token)[keyof typeof Token];

interface Frame {
  container: Container;
  /** The key being filled (objects) or the index of the last element (arrays). */
  slot: string | number;
}

const LITERALS: Record<string, JsonValue> = { true: true, false: false, null: null };
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_CHAR = /[-+.eE0-9]/;
/** Where a string run ends: a quote, a backslash or a raw control character (invalid in JSON). */
const STRING_STOP = /["\\\u0000-\u001f]/g;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export class PartialJsonParser {
  /** The value so far, built in place; `undefined` until a value has begun. */
  value: JsonValue | undefined = undefined;
  /** Set once the text can no longer be JSON; later pushes are ignored. */
  error: string | undefined = undefined;
  private readonly stack: Frame[] = [];
  private expect: Expect = Expect.Value;
  private token: Token = Token.None;
  /** The text of an unfinished number, literal or key. */
  private pending = '';
  private stringIsKey = false;
  /** Inside a string: null, or the escape so far (`\`, `\u`, `\u00`…). */
  private escape: string | null = null;
  /** Characters pushed before the current push, and the position within it (for error messages). */
  private offset = 0;
  private cursor = 0;

  get complete(): boolean {
    return this.error === undefined && this.expect === Expect.Nothing && this.token === Token.None;
  }

  push(text: string): void {
    let i = 0;
    const n = text.length;
    while (i < n && this.error === undefined) {
      this.cursor = i;
      if (this.token === Token.String) {
        i = this.readString(text, i);
        continue;
      }
      const c = text[i] as string;
      if (this.token === Token.Number) {
        if (NUMBER_CHAR.test(c)) {
          this.pending += c;
          i++;
          continue;
        }
        this.endNumber();
        continue; // the character that ended the number is read again as structure
      }
      if (this.token === Token.Literal) {
        this.pending += c;
        i++;
        this.checkLiteral();
        continue;
      }
      this.readStructure(c);
      i++;
    }
    this.offset += n;
    this.cursor = 0;
  }

  /** The text has ended: finishes a top-level number, or says what is missing. */
  end(): void {
    if (this.error !== undefined) return;
    if (this.token === Token.Number && this.stack.length === 0) this.endNumber();
    if (!this.complete) this.fail(this.value === undefined ? 'the arguments are empty' : 'the arguments end before the JSON does');
  }

  private readStructure(c: string): void {
    if (isSpace(c)) return;
    switch (this.expect) {
      case Expect.Nothing:
        return this.fail(`unexpected “${c}” after the end of the JSON value`);
      case Expect.Colon:
        if (c === ':') this.expect = Expect.Value;
        else this.fail(`expected “:” but found “${c}”`);
        return;
      case Expect.Key:
      case Expect.KeyOrObjectEnd:
        if (c === '"') {
          this.token = Token.String;
          this.stringIsKey = true;
          this.pending = '';
        } else if (c === '}' && this.expect === Expect.KeyOrObjectEnd) this.close('}');
        else this.fail(`expected a key but found “${c}”`);
        return;
      case Expect.CommaOrEnd:
        if (c === ',') this.expect = Array.isArray(this.top().container) ? Expect.Value : Expect.Key;
        else if (c === '}' || c === ']') this.close(c);
        else this.fail(`expected “,” or the end of the ${Array.isArray(this.top().container) ? 'list' : 'object'} but found “${c}”`);
        return;
      case Expect.ValueOrArrayEnd:
        if (c === ']') return this.close(']');
        return this.startValue(c);
      case Expect.Value:
        return this.startValue(c);
    }
  }

  private startValue(c: string): void {
    if (c === '{') this.open({});
    else if (c === '[') this.open([]);
    else if (c === '"') {
      this.token = Token.String;
      this.stringIsKey = false;
      this.attach('');
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      this.token = Token.Number;
      this.pending = c;
    } else if (c === 't' || c === 'f' || c === 'n') {
      this.token = Token.Literal;
      this.pending = c;
    } else this.fail(`unexpected “${c}” where a value should start`);
  }

  /** Reads string content from `i`; returns where it stopped. */
  private readString(text: string, i: number): number {
    let piece = '';
    const n = text.length;
    while (i < n) {
      if (this.escape !== null) {
        const decoded = this.readEscape(text[i] as string);
        i++;
        if (decoded === undefined) {
          if (this.error !== undefined) return n;
          continue;
        }
        piece += decoded;
        continue;
      }
      STRING_STOP.lastIndex = i;
      const stop = STRING_STOP.exec(text);
      const at = stop ? stop.index : n;
      if (at > i) piece += text.slice(i, at);
      i = at;
      if (!stop) break;
      const c = text[at] as string;
      i++;
      if (c === '\\') this.escape = '\\';
      else if (c === '"') {
        this.appendString(piece);
        this.endString();
        return i;
      } else {
        this.fail('a raw control character inside a string');
        return n;
      }
    }
    this.appendString(piece);
    return i;
  }

  /** Adds one character to the escape in progress; returns the decoded text once it is whole. */
  private readEscape(c: string): string | undefined {
    const sofar = this.escape as string;
    if (sofar === '\\') {
      if (c === 'u') {
        this.escape = '\\u';
        return undefined;
      }
      const simple = SIMPLE_ESCAPES[c];
      if (simple === undefined) return void this.fail(`“\\${c}” is not a JSON escape`);
      this.escape = null;
      return simple;
    }
    if (!/[0-9a-fA-F]/.test(c)) return void this.fail(`“${sofar}${c}” is not a JSON escape`);
    const next = sofar + c;
    if (next.length < 6) {
      this.escape = next;
      return undefined;
    }
    this.escape = null;
    return String.fromCharCode(parseInt(next.slice(2), 16));
  }

  private appendString(piece: string): void {
    if (piece === '') return;
    if (this.stringIsKey) this.pending += piece;
    else this.setCurrent((this.current() as string) + piece);
  }

  private endString(): void {
    this.token = Token.None;
    if (this.stringIsKey) {
      this.top().slot = this.pending;
      this.pending = '';
      this.expect = Expect.Colon;
    } else this.valueDone();
  }

  private endNumber(): void {
    const text = this.pending;
    this.token = Token.None;
    this.pending = '';
    if (!NUMBER.test(text)) return this.fail(`“${text}” is not a JSON number`);
    this.attach(Number(text));
    this.valueDone();
  }

  private checkLiteral(): void {
    const word = this.pending;
    const match = Object.keys(LITERALS).find((literal) => literal.startsWith(word));
    if (match === undefined) return this.fail(`“${word}” is not a JSON value`);
    if (match !== word) return;
    this.token = Token.None;
    this.pending = '';
    this.attach(LITERALS[word] as JsonValue);
    this.valueDone();
  }

  private open(container: Container): void {
    this.attach(container);
    this.stack.push({ container, slot: Array.isArray(container) ? -1 : '' });
    this.expect = Array.isArray(container) ? Expect.ValueOrArrayEnd : Expect.KeyOrObjectEnd;
  }

  private close(closer: '}' | ']'): void {
    const frame = this.stack.pop() as Frame;
    if ((closer === ']') !== Array.isArray(frame.container)) return this.fail(`“${closer}” closes the wrong bracket`);
    this.valueDone();
  }

  /** Puts a new value where the parser is: the root, the next array element, or the current key. */
  private attach(value: JsonValue): void {
    const frame = this.stack.at(-1);
    if (!frame) this.value = value;
    else if (Array.isArray(frame.container)) {
      frame.slot = frame.container.length;
      frame.container.push(value);
    } else setKey(frame.container, frame.slot as string, value);
  }

  private current(): JsonValue | undefined {
    const frame = this.stack.at(-1);
    if (!frame) return this.value;
    return Array.isArray(frame.container) ? frame.container[frame.slot as number] : frame.container[frame.slot as string];
  }

  private setCurrent(value: JsonValue): void {
    const frame = this.stack.at(-1);
    if (!frame) this.value = value;
    else if (Array.isArray(frame.container)) frame.container[frame.slot as number] = value;
    else setKey(frame.container, frame.slot as string, value);
  }

  private valueDone(): void {
    this.expect = this.stack.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
  }

  private top(): Frame {
    return this.stack.at(-1) as Frame;
  }

  private fail(reason: string): void {
    this.error ??= `Not valid JSON near character ${this.offset + this.cursor + 1}: ${reason}.`;
  }
}

/** `__proto__` is an ordinary key in JSON; plain assignment would change the prototype instead. */
function setKey(object: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
