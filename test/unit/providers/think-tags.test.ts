import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter } from '../../../src/main/providers/think-tags';
import type { ProviderEvent } from '../../../src/shared/provider-events';

/** Feeds the pieces in order and returns the reasoning and text a user would see. */
function split(pieces: string[], enabled = true): { reasoning: string; text: string; events: ProviderEvent[] } {
  const splitter = new ThinkTagSplitter(enabled);
  const events = [...pieces.flatMap((p) => [...splitter.push(p)]), ...splitter.end()];
  const join = (type: string) => events.map((e) => (e.type === type && 'text' in e ? e.text : '')).join('');
  return { reasoning: join('reasoning'), text: join('text'), events };
}

/** Every way of cutting `text` in two, then into single characters. */
function cuts(text: string): string[][] {
  const twoPieces = [...Array(text.length + 1).keys()].map((i) => [text.slice(0, i), text.slice(i)]);
  return [...twoPieces, [...text]];
}

describe('<think> at the start of the content', () => {
  it('is reasoning, and the answer starts after the closing tag without its blank lines', () => {
    expect(split(['<think>\nWhich way first?\n</think>\n\nLook left.'])).toMatchObject({
      reasoning: 'Which way first?\n',
      text: 'Look left.',
    });
  });

  it('gives the same result however the stream is cut, inside either tag included', () => {
    const body = '<think>Left, right, left.</think>\n\nCross at the lights.';
    for (const pieces of cuts(body)) {
      expect(split(pieces), JSON.stringify(pieces)).toMatchObject({ reasoning: 'Left, right, left.', text: 'Cross at the lights.' });
    }
  });

  it('fills the reasoning panel while the tag is still open', () => {
    const splitter = new ThinkTagSplitter();
    expect([...splitter.push('<think>Hmm, ')]).toEqual([{ type: 'reasoning', text: 'Hmm, ' }]);
    expect(splitter.inReasoning).toBe(true);
    // "</thi" may be the closing tag: held back, not shown as reasoning yet
    expect([...splitter.push('let me see.</thi')]).toEqual([{ type: 'reasoning', text: 'let me see.' }]);
    expect([...splitter.push('nk>Yes.')]).toEqual([{ type: 'text', text: 'Yes.' }]);
  });

  it('a tag that never closes (out of tokens while thinking) leaves everything as reasoning', () => {
    expect(split(['<think>I should consider', ' the options… </th'])).toMatchObject({
      reasoning: 'I should consider the options… </th',
      text: '',
    });
  });

  it('Gemini wraps thoughts in <thought>', () => {
    expect(split(['<thought>**Calculating**\n\nStep one.', 'More.', '</thought>The answer is ', '391.'])).toMatchObject({
      reasoning: '**Calculating**\n\nStep one.More.',
      text: 'The answer is 391.',
    });
  });

  it('a tag later in the answer is text the model meant to show', () => {
    expect(split(['Use ', '<think> in your prompt.'])).toMatchObject({ reasoning: '', text: 'Use <think> in your prompt.' });
    expect(split(['<thin', 'g> is not a tag'])).toMatchObject({ reasoning: '', text: '<thing> is not a tag' });
  });

  it('with tag parsing turned off (a model that writes such tags on purpose) everything is text', () => {
    expect(split(['<think>x</think>y'], false)).toMatchObject({ reasoning: '', text: '<think>x</think>y' });
  });

  it('a reply that is only whitespace or a tag prefix is still shown when the stream ends', () => {
    expect(split(['\n'])).toMatchObject({ text: '\n' });
    expect(split(['<th'])).toMatchObject({ text: '<th' });
  });
});
