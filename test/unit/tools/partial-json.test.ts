// The partial-JSON parser behind the progressive argument view: whatever prefix of a tool call's
// arguments has arrived, what the window shows must be part of the final arguments, never
// something the rest of the text contradicts; and a finished document must parse like JSON.parse.
import { describe, expect, it } from 'vitest';
import { PartialJsonParser, type JsonValue } from '../../../src/shared/partial-json';
import { seededRandom } from '../../../bench/support/random';

/** True when `partial` could still grow into `full`: prefixes of strings, arrays and objects. */
function consistent(partial: JsonValue | undefined, full: JsonValue): boolean {
  if (partial === undefined) return true;
  if (typeof partial === 'string') return typeof full === 'string' && full.startsWith(partial);
  if (Array.isArray(partial)) {
    if (!Array.isArray(full) || partial.length > full.length) return false;
    return partial.every((item, i) => (i < partial.length - 1 ? equal(item, full[i] as JsonValue) : consistent(item, full[i] as JsonValue)));
  }
  if (partial !== null && typeof partial === 'object') {
    if (full === null || typeof full !== 'object' || Array.isArray(full)) return false;
    const keys = Object.keys(partial);
    // At most one key (the one being written) may differ from its final value, and only by growing.
    const growing = keys.filter((k) => !equal(partial[k] as JsonValue, full[k] as JsonValue));
    return keys.every((k) => Object.hasOwn(full, k)) && growing.length <= 1 && growing.every((k) => consistent(partial[k], full[k] as JsonValue));
  }
  return partial === full;
}

const equal = (a: JsonValue, b: JsonValue): boolean => JSON.stringify(a) === JSON.stringify(b);

function randomJson(rand: () => number, depth: number): JsonValue {
  const pick = Math.floor(rand() * (depth > 3 ? 5 : 7));
  const short = () => Math.floor(rand() * 5);
  switch (pick) {
    case 0:
      return randomString(rand);
    case 1:
      return randomNumber(rand);
    case 2:
      return [true, false, null][Math.floor(rand() * 3)] as JsonValue;
    case 3:
      return randomString(rand);
    case 4:
      return randomNumber(rand);
    case 5:
      return Array.from({ length: short() }, () => randomJson(rand, depth + 1));
    default: {
      const object: Record<string, JsonValue> = {};
      for (let i = short(); i > 0; i--) object[randomString(rand)] = randomJson(rand, depth + 1);
      return object;
    }
  }
}

const ALPHABET = ['a', 'b', ' ', '"', '\\', '/', '\n', '\t', '\u0001', 'é', '€', '😀', '\u2028', 'x'];
const randomString = (rand: () => number): string =>
  Array.from({ length: Math.floor(rand() * 8) }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');

function randomNumber(rand: () => number): number {
  const kind = Math.floor(rand() * 5);
  if (kind === 0) return Math.floor(rand() * 1000) - 500;
  if (kind === 1) return rand() * 1e6 - 5e5;
  if (kind === 2) return rand() * 1e-9;
  if (kind === 3) return rand() * 1e300;
  return 0;
}

/** Serializes with escapes JSON.stringify never writes, so the parser meets all of them. */
function serialize(value: JsonValue, rand: () => number): string {
  const indent = [undefined, 1, '\t'][Math.floor(rand() * 3)];
  const text = JSON.stringify(value, null, indent);
  // Inside strings, swap some plain characters for \u escapes and \/ (both legal, both easy to cut in half).
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (string) =>
    string.replace(/(\\.)|([a-zé😀/])/gu, (match, escaped: string | undefined, char: string | undefined) => {
      if (escaped !== undefined || char === undefined || rand() > 0.3) return match;
      if (char === '/') return '\\/';
      return [...char].map((c) => Array.from({ length: c.length }, (_, k) => `\\u${c.charCodeAt(k).toString(16).padStart(4, '0')}`).join('')).join('');
    }),
  );
}

function parseInPieces(text: string, cuts: number[]): PartialJsonParser {
  const parser = new PartialJsonParser();
  let from = 0;
  for (const to of [...cuts, text.length]) {
    parser.push(text.slice(from, to));
    from = to;
  }
  return parser;
}

describe('partial JSON', () => {
  it('every prefix of 400 random documents shows a value consistent with the finished one', () => {
    const rand = seededRandom(7);
    for (let doc = 0; doc < 400; doc++) {
      const full = randomJson(rand, 0);
      const text = serialize(full, rand);
      expect(JSON.parse(text)).toEqual(full); // the generator itself is sound
      const parser = new PartialJsonParser();
      for (let i = 0; i < text.length; i++) {
        parser.push(text[i] as string);
        const shown = structuredClone(parser.value);
        if (!consistent(shown, full)) throw new Error(`prefix ${JSON.stringify(text.slice(0, i + 1))} showed ${JSON.stringify(shown)}, final ${text}`);
        expect(parser.error).toBeUndefined();
      }
      parser.end();
      expect(parser.error).toBeUndefined();
      expect(parser.value).toEqual(JSON.parse(text));
    }
  });

  it('the same document cut at random places parses the same as JSON.parse', () => {
    const rand = seededRandom(11);
    for (let doc = 0; doc < 300; doc++) {
      const full = { args: randomJson(rand, 0), more: [randomJson(rand, 1), randomJson(rand, 1)] };
      const text = serialize(full, rand);
      const cuts = Array.from({ length: 1 + Math.floor(rand() * 20) }, () => Math.floor(rand() * text.length)).sort((a, b) => a - b);
      const parser = parseInPieces(text, cuts);
      parser.end();
      expect(parser.value).toEqual(JSON.parse(text));
    }
  });

  it('an escape cut in the middle shows nothing of it until it is whole', () => {
    const parser = new PartialJsonParser();
    parser.push('{"face": "smile \\ud83d');
    expect(parser.value).toEqual({ face: 'smile \ud83d' }); // a UTF-16 prefix of the final text
    parser.push('\\ude0');
    expect(parser.value).toEqual({ face: 'smile \ud83d' });
    parser.push('0!", "quote": "\\');
    expect(parser.value).toEqual({ face: 'smile 😀!', quote: '' });
    parser.push('"');
    expect(parser.value).toEqual({ face: 'smile 😀!', quote: '"' });
  });

  it('a number cut in the middle appears only once it has ended, whole', () => {
    const parser = new PartialJsonParser();
    parser.push('{"n": 12');
    expect(parser.value).toEqual({});
    parser.push('3.5e');
    expect(parser.value).toEqual({});
    parser.push('2, "list": [1, -0');
    expect(parser.value).toEqual({ n: 123.5e2, list: [1] });
    parser.push('.25]');
    expect(parser.value).toEqual({ n: 12350, list: [1, -0.25] });
    // A bare top-level number ends only with the text.
    const bare = new PartialJsonParser();
    bare.push('42');
    expect(bare.value).toBeUndefined();
    bare.end();
    expect(bare.value).toBe(42);
  });

  it('never calls a call finished because its prefix parses: only end() does', () => {
    const parser = new PartialJsonParser();
    parser.push('{"path": "a.txt"}');
    expect(parser.complete).toBe(true);
    parser.push(' , "more": 1}');
    expect(parser.error).toMatch(/after the end of the JSON value/);
    const cut = new PartialJsonParser();
    cut.push('{"path": "a.txt", "mode": "w');
    cut.end();
    expect(cut.error).toMatch(/end before the JSON does/);
    expect(cut.value).toEqual({ path: 'a.txt', mode: 'w' });
  });

  it('says where invalid JSON goes wrong, and keeps what it had', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"a" 1}', /character 6: expected “:”/],
      ['{"a": 01}', /“01” is not a JSON number/],
      ['{"a": tru}', /“tru}” is not a JSON value/],
      ['{"a": "x\\q"}', /“\\q” is not a JSON escape/],
      ['{"a": "\\u12g4"}', /not a JSON escape/],
      ['["a"}', /closes the wrong bracket/],
      ['{"a": "line\nbreak"}', /raw control character/],
      ['{a: 1}', /expected a key/],
      ['[1,]', /where a value should start/],
    ];
    for (const [text, message] of cases) {
      const parser = new PartialJsonParser();
      parser.push(text);
      parser.end();
      expect(parser.error, text).toMatch(message);
      expect(() => JSON.parse(text)).toThrow();
    }
  });

  it('handles 10,000 levels of nesting without recursion', () => {
    const depth = 10_000;
    const text = '['.repeat(depth) + '"deep"' + ']'.repeat(depth);
    const parser = parseInPieces(text, [depth - 3, depth + 2, depth + 500]);
    parser.end();
    let value = parser.value;
    for (let i = 0; i < depth; i++) value = (value as JsonValue[])[0];
    expect(value).toBe('deep');
  });

  it('streams a 1 MB string in 4,000 pieces and keeps every character', () => {
    const rand = seededRandom(3);
    const big = Array.from({ length: 1 << 20 }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
    const text = JSON.stringify({ content: big, path: '/tmp/x' });
    const parser = new PartialJsonParser();
    const size = Math.ceil(text.length / 4000);
    for (let at = 0; at < text.length; at += size) {
      parser.push(text.slice(at, at + size));
      if (at === size * 2000) expect(big.startsWith((parser.value as { content: string }).content)).toBe(true);
    }
    parser.end();
    expect(parser.value).toEqual({ content: big, path: '/tmp/x' });
  });

  it('keeps "__proto__" as an ordinary key, like JSON.parse', () => {
    const parser = parseInPieces('{"__proto__": {"polluted": true}, "ok": 1}', [5, 17]);
    parser.end();
    expect(Object.keys(parser.value as object)).toEqual(['__proto__', 'ok']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(parser.value)).toBe(Object.prototype);
  });
});
