// A model's context window as the window shows it, and the estimate it is compared with.

export interface ContextWindowInfo {
  /** Tokens the model can take in one request. */
  tokens: number;
  /** `provider`: its own model list said so; `table`: Plume's per-family table. */
  source: 'provider' | 'table';
  /** Ollama and LM Studio: the context the model is loaded with, which is what really applies. */
  loadedTokens?: number;
  /** Which local server loaded it, for the warning ("Ollama", "LM Studio"). */
  loadedBy?: string;
}

/** A rough count for text not yet seen by the provider: about four characters a token. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}
