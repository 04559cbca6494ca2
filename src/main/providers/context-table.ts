// Context windows by model family, for when the provider's model list does not say. Published
// sizes in tokens (late 2025); the longest matching prefix wins, so `gpt-4o-mini-2024-07-18`
// finds `gpt-4o`, and provider prefixes (`openai/…`) and Ollama tags (`:8b`) are ignored.
const FAMILIES: ReadonlyArray<readonly [string, number]> = [
  ['gpt-5', 400_000],
  ['gpt-4.1', 1_047_576],
  ['gpt-4o', 128_000],
  ['gpt-4-turbo', 128_000],
  ['gpt-4', 8_192],
  ['gpt-3.5-turbo', 16_385],
  ['o1', 200_000],
  ['o3', 200_000],
  ['o4', 200_000],
  ['gpt-oss', 131_072],
  ['claude', 200_000],
  ['gemini-1.5-pro', 2_097_152],
  ['gemini', 1_048_576],
  ['deepseek', 128_000],
  ['grok-4', 256_000],
  ['grok', 131_072],
  ['mistral-large', 131_072],
  ['mistral-small', 131_072],
  ['magistral', 40_000],
  ['mistral', 32_768],
  ['mixtral', 32_768],
  ['codestral', 256_000],
  ['llama3.1', 131_072],
  ['llama3.2', 131_072],
  ['llama3.3', 131_072],
  ['llama-3.1', 131_072],
  ['llama-3.3', 131_072],
  ['llama3', 8_192],
  ['qwen3', 40_960],
  ['qwen2.5', 32_768],
  ['qwq', 131_072],
  ['gemma3', 131_072],
  ['gemma-3', 131_072],
  ['gemma', 8_192],
  ['phi4', 16_384],
  ['phi3', 4_096],
  ['command-r', 128_000],
];

export function contextFromTable(model: string): number | undefined {
  const id = model.toLowerCase().split('/').at(-1)!.split(':')[0]!;
  let best: readonly [string, number] | undefined;
  for (const row of FAMILIES) {
    if (id.startsWith(row[0]) && row[0].length > (best?.[0].length ?? 0)) best = row;
  }
  return best?.[1];
}
