// A write_file-style tool argument for the tool benches: a long content string, plus a list of
// small edit objects, the same bytes on every machine (seeded).
import { seededRandom } from './random.ts';

const WORDS = ['path', 'line', 'const', 'value', 'the', 'tool', 'quote "here"', 'tab\there', 'naïve', '€', 'emoji 😀', 'back\\slash'];

export function wordSource(seed: number): () => string {
  const rand = seededRandom(seed);
  return () => WORDS[Math.floor(rand() * WORDS.length)] as string;
}

/** `contentShare` of the bytes go to one string, the rest to edit objects. */
export function buildArgument(bytes: number, seed: number, contentShare = 0.8): string {
  // One stream for words and numbers alike, so a seed always gives the very same bytes.
  const rand = seededRandom(seed);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  const edits: unknown[] = [];
  let content = '';
  while (content.length < bytes * contentShare) content += `${word()} ${word()}${rand() < 0.1 ? '\n' : ' '}`;
  const argument = { path: '/tmp/notes.md', content, edits, overwrite: true };
  let text = JSON.stringify(argument);
  while (text.length < bytes) {
    edits.push({ line: Math.floor(rand() * 5000), insert: `${word()} ${word()}`, score: rand() * 100 - 50 });
    if (edits.length % 200 === 0) text = JSON.stringify(argument);
  }
  return JSON.stringify(argument);
}
