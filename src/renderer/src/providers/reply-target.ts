import type { GenerationOptions } from '../../../shared/chat';

/** What the next reply goes to: the provider, model, options and system prompt chosen in the window. */
export interface ReplyTarget {
  providerId: string;
  model: string;
  system?: string;
  options?: GenerationOptions;
}
