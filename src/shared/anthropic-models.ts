// Which Claude models take the newer request options, read from the model id. Adaptive thinking
// (Claude decides when and how much to think) came with the 4.6 models; `output_config.effort`
// with Opus 4.5. Ids Plume cannot read (gateways, aliases) get neither: the options would only
// earn an error.

export const ANTHROPIC_EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type AnthropicEffort = (typeof ANTHROPIC_EFFORTS)[number];

export interface AnthropicCapabilities {
  adaptiveThinking: boolean;
  effort: boolean;
}

/** `claude-opus-4-5`, `claude-sonnet-4-6-20260101`, `claude-opus-5`: family and version. */
const MODEL_ID = /^claude-(opus|sonnet|haiku)-(\d+)(?:-(\d)(?!\d))?/;

export function anthropicCapabilities(model: string): AnthropicCapabilities {
  const match = MODEL_ID.exec(model.trim().toLowerCase());
  if (!match) return { adaptiveThinking: false, effort: false };
  const family = match[1];
  const version = Number(match[2]) + Number(match[3] ?? 0) / 10;
  const largeFamily = family === 'opus' || family === 'sonnet';
  return {
    adaptiveThinking: largeFamily && version >= 4.6,
    effort: (family === 'opus' && version >= 4.5) || (family === 'sonnet' && version >= 4.6),
  };
}

export function isAnthropicEffort(value: unknown): value is AnthropicEffort {
  return typeof value === 'string' && (ANTHROPIC_EFFORTS as readonly string[]).includes(value);
}
