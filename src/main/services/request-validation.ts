// Everything that crosses the contract from the window is checked here before main acts on it:
// the renderer is a web page and is treated like one.
import type { ReplyAction, StreamRequest } from '../../shared/chat';
import type { ProviderInput } from '../../shared/contract';
import { MAX_REQUEST_CHARS } from '../../shared/limits';
import type { PlumeError } from '../../shared/provider-events';

export class InvalidInput extends Error {
  readonly plume: PlumeError;
  constructor(message: string) {
    super(message);
    this.plume = { kind: 'config', message };
  }
}

export function parseStreamRequest(value: unknown): StreamRequest {
  const r = value as Partial<StreamRequest> | null;
  if (typeof r !== 'object' || r === null) throw new InvalidInput('The request was empty.');
  if (typeof r.conversationId !== 'string' || r.conversationId === '') throw new InvalidInput('Open a conversation first.');
  if (typeof r.providerId !== 'string' || r.providerId === '') throw new InvalidInput('Choose a provider first.');
  if (typeof r.model !== 'string' || r.model.trim() === '') throw new InvalidInput('Choose a model first.');
  const request: StreamRequest = {
    conversationId: r.conversationId,
    providerId: r.providerId,
    model: r.model.trim(),
    action: parseAction(r.action),
  };
  if (typeof r.system === 'string' && r.system.trim() !== '') request.system = r.system;
  if (r.options && typeof r.options === 'object') request.options = pickOptions(r.options);
  const size = (request.system?.length ?? 0) + ('text' in request.action ? request.action.text.length : 0);
  if (size > MAX_REQUEST_CHARS) {
    throw new InvalidInput(
      `This message is too long to send (${size.toLocaleString('en')} characters; the limit is ${MAX_REQUEST_CHARS.toLocaleString('en')}).`,
    );
  }
  return request;
}

function parseAction(value: unknown): ReplyAction {
  const a = value as Partial<{ kind: string; text: unknown; messageId: unknown }> | null;
  const id = typeof a?.messageId === 'string' && a.messageId !== '' ? a.messageId : null;
  const text = typeof a?.text === 'string' ? a.text : null;
  if (a?.kind === 'send' && text !== null && text.trim() !== '') return { kind: 'send', text };
  if (a?.kind === 'edit' && id && text !== null && text.trim() !== '') return { kind: 'edit', messageId: id, text };
  if (a?.kind === 'regenerate' && id) return { kind: 'regenerate', messageId: id };
  throw new InvalidInput('There is no message to send.');
}

function pickOptions(o: NonNullable<StreamRequest['options']>): NonNullable<StreamRequest['options']> {
  const out: NonNullable<StreamRequest['options']> = {};
  if (typeof o.temperature === 'number' && o.temperature >= 0 && o.temperature <= 2) out.temperature = o.temperature;
  if (Number.isSafeInteger(o.maxOutputTokens) && (o.maxOutputTokens as number) > 0) out.maxOutputTokens = o.maxOutputTokens;
  if (o.reasoningEffort === 'low' || o.reasoningEffort === 'medium' || o.reasoningEffort === 'high') out.reasoningEffort = o.reasoningEffort;
  if (Number.isSafeInteger(o.thinkingBudget) && (o.thinkingBudget as number) > 0) out.thinkingBudget = o.thinkingBudget;
  return out;
}

export interface CleanProviderInput extends ProviderInput {
  /** Set when the key had surrounding whitespace or line breaks that were removed. */
  keyTrimmed: boolean;
}

export function parseProviderInput(value: unknown): CleanProviderInput {
  const p = value as Partial<ProviderInput> | null;
  if (typeof p !== 'object' || p === null) throw new InvalidInput('The provider settings were empty.');
  if (p.kind !== 'openai' && p.kind !== 'anthropic') throw new InvalidInput('Choose the kind of provider.');
  const name = typeof p.name === 'string' ? p.name.trim() : '';
  if (name === '') throw new InvalidInput('Give the provider a name.');
  const baseURL = typeof p.baseURL === 'string' ? p.baseURL.trim().replace(/\/+$/, '') : '';
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new InvalidInput(`"${baseURL}" is not a valid base URL. It should look like https://api.example.com/v1.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInput('The base URL must start with http:// or https://.');
  }
  const model = typeof p.model === 'string' ? p.model.trim() : '';
  if (model === '') throw new InvalidInput('Enter a model id (for example gpt-4o-mini or llama3.2).');
  const clean: CleanProviderInput = { name, kind: p.kind, baseURL, model, keyTrimmed: false };
  if (typeof p.id === 'string' && p.id !== '') clean.id = p.id;
  if (typeof p.apiKey === 'string') {
    // Keys never contain whitespace; pasted ones often carry a newline or a space.
    clean.apiKey = p.apiKey.replace(/\s+/g, '');
    clean.keyTrimmed = clean.apiKey !== p.apiKey;
  }
  return clean;
}
