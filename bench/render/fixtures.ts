// Deterministic model-like replies for the benchmark and the tests. Generated rather than stored
// so sizes are exact and nothing is copied from real conversations.
import { seededRandom } from '../support/random.ts';

export interface Fixture {
  name: string;
  text: string;
}


const WORDS = (
  'the renderer keeps every finished block as it was and only parses the growing end of the reply ' +
  'which is why long answers stay smooth while short ones were never a problem at all because ' +
  'parsing a few hundred characters costs almost nothing compared with layout and paint work'
).split(' ');

function sentence(r: () => number): string {
  const n = 6 + Math.floor(r() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = WORDS[Math.floor(r() * WORDS.length)] ?? 'word';
    const roll = r();
    if (roll < 0.04) w = `**${w}**`;
    else if (roll < 0.07) w = `*${w}*`;
    else if (roll < 0.1) w = `\`${w}()\``;
    else if (roll < 0.12) w = `[${w}](https://example.com/${w})`;
    else if (roll < 0.13) w = `~~${w}~~`;
    else if (roll < 0.14) w = `$x_${i}^2$`;
    words.push(w);
  }
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 4);
  return Array.from({ length: n }, () => sentence(r)).join(' ');
}

function codeBlock(r: () => number, i: number): string {
  const langs = ['ts', 'python', 'bash'];
  const lang = langs[i % langs.length] ?? 'ts';
  const lines: string[] = [];
  const n = 6 + Math.floor(r() * 18);
  for (let k = 0; k < n; k++) {
    if (lang === 'python') lines.push(k % 5 === 4 ? '' : `    value_${k} = compute(${k}, "text")  # step ${k}`);
    else if (lang === 'bash') lines.push(`echo "step ${k}" && ls -la /tmp/dir_${k} | grep -v '^total'`);
    else lines.push(k % 6 === 5 ? '' : `  const item${k}: number = await load(${k}, { retry: ${k % 3} });`);
  }
  return '```' + lang + '\n' + lines.join('\n') + '\n```';
}

function table(r: () => number, rows: number): string {
  const out = ['| Name | Count | Ratio | Note |', '| --- | ---: | :---: | --- |'];
  for (let i = 0; i < rows; i++) {
    out.push(`| row ${i} | ${Math.floor(r() * 1000)} | ${(r() * 10).toFixed(2)} | ${sentence(r).slice(0, 40)} |`);
  }
  return out.join('\n');
}

function list(r: () => number, ordered: boolean, loose: boolean): string {
  const n = 3 + Math.floor(r() * 4);
  const items = Array.from({ length: n }, (_, i) => {
    const marker = ordered ? `${i + 1}.` : '-';
    const task = !ordered && i % 3 === 0 ? (i % 2 ? '[x] ' : '[ ] ') : '';
    const sub = i === 1 ? `\n   - nested ${sentence(r)}` : '';
    return `${marker} ${task}${sentence(r)}${sub}`;
  });
  return items.join(loose ? '\n\n' : '\n');
}

/** A mixed reply of about `size` characters: prose, lists, code, tables, math, quotes. */
export function mixed(size: number, seed = 7): string {
  const r = seededRandom(seed);
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    let part: string;
    switch (i % 9) {
      case 0:
        part = `## Section ${i / 9 + 1}\n\n${paragraph(r)}`;
        break;
      case 1:
        part = list(r, false, false);
        break;
      case 2:
        part = codeBlock(r, i);
        break;
      case 3:
        part = paragraph(r) + '\n\n' + list(r, true, i % 2 === 0);
        break;
      case 4:
        part = table(r, 4 + Math.floor(r() * 5));
        break;
      case 5:
        part = `$$\n\\sum_{k=0}^{${i}} \\frac{k^2}{2} = \\int_0^1 f(x)\\,dx\n$$`;
        break;
      case 6:
        part = `> ${sentence(r)}\n> ${sentence(r)}`;
        break;
      case 7:
        part = `Setext heading ${i}\n---------------\n\n${paragraph(r)}`;
        break;
      default:
        part = paragraph(r);
    }
    parts.push(part);
    len += part.length + 2;
  }
  return parts.join('\n\n').slice(0, size).replace(/\n*$/, '\n');
}

export function longLine(size: number): string {
  const unit = 'a\\*b \\_c* _d_ \\\\ `e` [f] ';
  return 'Start: ' + unit.repeat(Math.ceil(size / unit.length)).slice(0, size - 7);
}

export function unclosedFence(size: number): string {
  const lines: string[] = ['Here is the file:', '', '```ts'];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const line = i % 9 === 8 ? '' : `export function handler${i}(input: string): string { return input.trim() + "${i}"; }`;
    lines.push(line);
    len += line.length + 1;
  }
  return lines.join('\n');
}

export function refsAtEnd(): string {
  const r = seededRandom(3);
  const body: string[] = [];
  for (let i = 0; i < 30; i++) body.push(`${paragraph(r)} See [source ${i}][s${i}] and [the docs][docs].`);
  const defs = Array.from({ length: 30 }, (_, i) => `[s${i}]: https://example.com/source/${i} "Source ${i}"`);
  return body.join('\n\n') + '\n\n' + defs.join('\n') + '\n[docs]: https://example.com/docs\n';
}

export function footnotes(): string {
  const r = seededRandom(5);
  const body = Array.from({ length: 8 }, (_, i) => `${paragraph(r)} A claim.[^n${i}]`).join('\n\n');
  const notes = Array.from({ length: 8 }, (_, i) => `[^n${i}]: Footnote ${i}: ${sentence(r)}`).join('\n');
  return body + '\n\n' + notes + '\n';
}

export function bigTable(rows: number): string {
  return 'Results:\n\n' + table(seededRandom(11), rows) + '\n\nThat is all.\n';
}

/** Prose, one closed fenced TypeScript block of about `size` characters, prose. */
export function codeFile(size: number): string {
  const lines: string[] = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const line =
      i % 12 === 0
        ? `/* Step ${i}: a comment that "quotes" text\n and spans\n   two lines. */`
        : i % 7 === 6
          ? ''
          : `  const value${i}: Record<string, number> = await fetchThing(\`item-\${${i}}\`, { retries: ${i % 4} }); // note ${i}`;
    lines.push(line);
    len += line.length + 1;
  }
  return 'Here is the file:\n\n```ts\n' + lines.join('\n') + '\n```\n\nThat is the whole file.\n';
}

export const FIXTURES: Record<string, () => string> = {
  'mixed-2k': () => mixed(2_000, 1),
  'mixed-10k': () => mixed(10_000, 2),
  'mixed-25k': () => mixed(25_000, 4),
  'mixed-50k': () => mixed(50_000, 4),
  'mixed-60k': () => mixed(60_000, 5),
  'long-line-200k': () => longLine(200_000),
  'unclosed-fence-30k': () => unclosedFence(30_000),
  'table-60-rows': () => bigTable(60),
  'table-40-rows': () => bigTable(40),
  'code-20k': () => codeFile(20_000),
  'code-200k': () => codeFile(200_000),
  'refs-at-end': refsAtEnd,
  footnotes,
};

export function fixture(name: string): string {
  const make = FIXTURES[name];
  if (!make) throw new Error(`unknown fixture ${name}`);
  return make();
}
