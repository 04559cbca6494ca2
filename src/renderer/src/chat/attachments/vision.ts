// Which models see images, by their id. A heuristic on purpose: providers publish no capability
// flags in their model lists, and a wrong guess only costs a warning with "Send anyway".
const VISION_PATTERNS: readonly RegExp[] = [
  // OpenAI: GPT-4o and later families, GPT-4 Turbo, o1 and o3/o4 (not their -mini text-only siblings of o1/o3).
  /^(chat)?gpt-4o/, /^gpt-4\.1/, /^gpt-4\.5/, /^gpt-4-turbo/, /^gpt-4-vision/, /^gpt-5/,
  /^o1(?!-mini)(-|$)/, /^o3(?!-mini)(-|$)/, /^o4-mini/,
  // Anthropic: every Claude 3 and later model.
  /^claude-3/, /^claude-(opus|sonnet|haiku)-4/, /^claude-(opus|sonnet|haiku)-[5-9]/,
  // Google, xAI, Mistral.
  /^gemini/, /^gemma-?3/, /^grok-(2-vision|4)/, /pixtral/, /^mistral-(small|medium)-(3|2503|2506|latest)/,
  // Local and open models as Ollama, LM Studio and gateways name them.
  /llava/, /bakllava/, /vision/, /(^|[-_/.])vl([-_:.]|$)/, /-vl-/, /qwen[\d.]*-?vl/, /minicpm-v/, /moondream/,
  /llama-?4/, /internvl/, /cogvlm/, /phi-?[34](\.\d)?-?(vision|multimodal)/, /molmo/, /smolvlm/,
];

/** The model id without a gateway prefix (`openai/gpt-4o`, `anthropic/claude-…`) and lower-cased. */
function bareId(model: string): string {
  const lower = model.trim().toLowerCase();
  return lower.slice(lower.lastIndexOf('/') + 1);
}

export function seesImages(model: string): boolean {
  const id = bareId(model);
  return VISION_PATTERNS.some((pattern) => pattern.test(id) || pattern.test(model.toLowerCase()));
}
