// The providers Plume knows how to set up in one click. Everything but Anthropic speaks the
// OpenAI Chat Completions protocol, so a preset is mostly a default base URL and some advice.
import type { AdapterKind } from './types';

export type PresetId =
  | 'openai'
  | 'anthropic'
  | 'ollama'
  | 'lmstudio'
  | 'llamacpp'
  | 'openrouter'
  | 'groq'
  | 'deepseek'
  | 'mistral'
  | 'xai'
  | 'together'
  | 'gemini'
  | 'custom';

export interface ProviderPreset {
  id: PresetId;
  label: string;
  kind: AdapterKind;
  /** Empty for Custom: the user must give one. Anthropic's has no /v1 (the SDK adds it). */
  defaultBaseURL: string;
  needsKey: boolean;
  /** Runs on this machine: no key, and "unreachable" usually means "not started". */
  local: boolean;
  /** Whether the settings offer extra HTTP headers (proxies, gateways). */
  extraHeaders: boolean;
  /** One line telling the user where the key comes from or how to start the server. */
  hint: string;
}

const remote = (
  id: PresetId,
  label: string,
  defaultBaseURL: string,
  hint: string,
  kind: AdapterKind = 'openai',
): ProviderPreset => ({ id, label, kind, defaultBaseURL, needsKey: true, local: false, extraHeaders: false, hint });

const local = (id: PresetId, label: string, defaultBaseURL: string, hint: string): ProviderPreset => ({
  id,
  label,
  kind: 'openai',
  defaultBaseURL,
  needsKey: false,
  local: true,
  extraHeaders: false,
  hint,
});

export const PRESETS: readonly ProviderPreset[] = [
  remote('openai', 'OpenAI', 'https://api.openai.com/v1', 'Create a key at platform.openai.com → API keys.'),
  remote('anthropic', 'Anthropic', 'https://api.anthropic.com', 'Create a key at console.anthropic.com → API keys.', 'anthropic'),
  local('ollama', 'Ollama', 'http://127.0.0.1:11434/v1', 'Start Ollama; models you have pulled (ollama pull …) are listed.'),
  local('lmstudio', 'LM Studio', 'http://127.0.0.1:1234/v1', "Start the server in LM Studio's Developer tab; only loaded models are listed."),
  local('llamacpp', 'llama.cpp server', 'http://127.0.0.1:8080/v1', 'Start llama-server with a model; it serves that one model.'),
  remote('openrouter', 'OpenRouter', 'https://openrouter.ai/api/v1', 'Create a key at openrouter.ai → Keys.'),
  remote('groq', 'Groq', 'https://api.groq.com/openai/v1', 'Create a key at console.groq.com → API Keys.'),
  remote('deepseek', 'DeepSeek', 'https://api.deepseek.com', 'Create a key at platform.deepseek.com → API keys.'),
  remote('mistral', 'Mistral', 'https://api.mistral.ai/v1', 'Create a key at console.mistral.ai → API Keys.'),
  remote('xai', 'xAI', 'https://api.x.ai/v1', 'Create a key at console.x.ai → API Keys.'),
  remote('together', 'Together AI', 'https://api.together.xyz/v1', 'Create a key at api.together.ai → Settings → API keys.'),
  remote('gemini', 'Google Gemini (OpenAI-compatible)', 'https://generativelanguage.googleapis.com/v1beta/openai', 'Create a key in Google AI Studio → Get API key.'),
  {
    id: 'custom',
    label: 'Custom (OpenAI-compatible)',
    kind: 'openai',
    defaultBaseURL: '',
    needsKey: false, // optional: many self-hosted servers take none
    local: false,
    extraHeaders: true,
    hint: 'Any server that speaks the OpenAI Chat Completions API; the base URL usually ends in /v1.',
  },
];

export function findPreset(id: string): ProviderPreset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
