// npm run replay -- <folder>
// Serves every `<name>.sse` in a folder byte for byte from 127.0.0.1, whole and cut into small
// pieces, through Plume's adapters, and compares what a user would see with the `expected` in
// `<name>.json`. A tool for checking the adapters against recorded real streams; not a test.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdapterKind } from '../src/main/providers/types';
import { compare, type Difference, type Expected } from './replay/compare';
import { runBody } from './replay/run-body';
import { serveBody, type Cut } from './replay/serve-body';

interface Sidecar {
  name: string;
  kind: AdapterKind;
  content_type?: string;
  expected: Expected;
  expectedWithFinalBlankLine?: Expected;
}

const PATH_PREFIX: Record<AdapterKind, string> = { openai: '/v1', anthropic: '' };

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run replay -- <folder with .sse bodies and .json sidecars>');
    process.exit(2);
  }
  const names = (await readdir(folder)).filter((f) => f.endsWith('.sse')).map((f) => f.slice(0, -4)).sort();
  let differences = 0;
  let toolCallDifferences = 0;
  let runs = 0;
  for (const name of names) {
    const sidecar = JSON.parse(await readFile(join(folder, `${name}.json`), 'utf8')) as Sidecar;
    const body = await readFile(join(folder, `${name}.sse`));
    const variants: Array<[string, Buffer, Expected]> = [['', body, sidecar.expected]];
    if (sidecar.expectedWithFinalBlankLine) variants.push([' +\\n\\n', Buffer.concat([body, Buffer.from('\n\n')]), sidecar.expectedWithFinalBlankLine]);
    for (const [label, bytes, expected] of variants) {
      for (const cut of ['whole', 'pieces'] as Cut[]) {
        const found = await replayOne(sidecar, bytes, expected, cut);
        runs++;
        differences += found.length;
        toolCallDifferences += found.filter((d) => d.toolCall).length;
        const tag = `${name}${label} [${cut}]`;
        if (found.length === 0) console.log(`ok    ${tag}`);
        for (const d of found) console.log(`DIFF  ${tag} ${d.field}: expected ${show(d.expected)}, got ${show(d.got)}`);
      }
    }
  }
  console.log(`\n${runs} runs of ${names.length} bodies: ${differences} differences (${toolCallDifferences} of them in tool calls).`);
  process.exit(differences === 0 ? 0 : 1);
}

async function replayOne(sidecar: Sidecar, bytes: Buffer, expected: Expected, cut: Cut): Promise<Difference[]> {
  const server = await serveBody(bytes, sidecar.content_type ?? 'text/event-stream', cut, PATH_PREFIX[sidecar.kind]);
  try {
    return compare(sidecar.kind, expected, await runBody(sidecar.kind, server.baseURL));
  } finally {
    await server.close();
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

await main();
