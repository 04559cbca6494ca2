// Everything that crosses the contract from the window is checked here before main acts on it:
// the renderer is a web page and is treated like one.
import type { AttachmentUpload } from '../../shared/attachments';
import type { ReplyAction, StreamRequest } from '../../shared/chat';
import { isAnthropicEffort } from '../../shared/anthropic-models';
import type { ProviderInput, ProviderKind, ProviderProbe } from '../../shared/contract';
import { MAX_REQUEST_CHARS } from '../../shared/limits';
import type { PlumeError } from '../../shared/provider-events';
import { AttachmentProblem, checkUploads } from '../attachments/check';
import { parseOff } from '../mcp/conversation-servers';
import { type Checked, checkApiKey, checkBaseURL, checkModelId } from '../providers/validate';

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
  const { action, inlinedChars } = parseAction(r.action);
  const request: StreamRequest = { conversationId: r.conversationId, providerId: r.providerId, model: r.model.trim(), action };
  if (typeof r.system === 'string' && r.system.trim() !== '') request.system = r.system;
  if (r.options && typeof r.options === 'object') request.options = parseOptions(r.options);
  if (r.toolServersOff !== undefined) request.toolServersOff = parseOff(r.toolServersOff);
  const size = (request.system?.length ?? 0) + ('text' in request.action ? request.action.text.length : 0) + inlinedChars;
  if (size > MAX_REQUEST_CHARS) {
    throw new InvalidInput(
      `This message is too long to send (${size.toLocaleString('en')} characters; the limit is ${MAX_REQUEST_CHARS.toLocaleString('en')}).`,
    );
  }
  return request;
}

/** `inlinedChars`: text files reach the model as characters of the message, so they count too. */
function parseAction(value: unknown): { action: ReplyAction; inlinedChars: number } {
  const a = value as Partial<{ kind: string; text: unknown; messageId: unknown; attachments: unknown }> | null;
  const id = typeof a?.messageId === 'string' && a.messageId !== '' ? a.messageId : null;
  const text = typeof a?.text === 'string' ? a.text : null;
  if (a?.kind === 'regenerate' && id) return { action: { kind: 'regenerate', messageId: id }, inlinedChars: 0 };
  const { uploads, inlinedChars } = a?.kind === 'send' || a?.kind === 'edit' ? parseUploads(a.attachments) : { uploads: [], inlinedChars: 0 };
  // A picture alone is a message.
  const hasContent = text !== null && (text.trim() !== '' || uploads.length > 0);
  const extra = uploads.length ? { attachments: uploads } : {};
  if (a?.kind === 'send' && hasContent) return { action: { kind: 'send', text, ...extra }, inlinedChars };
  if (a?.kind === 'edit' && id && hasContent) return { action: { kind: 'edit', messageId: id, text, ...extra }, inlinedChars };
  throw new InvalidInput('There is no message to send.');
}

/** Only the fields main reads are kept; `checkUploads` sniffs and measures every file. */
function parseUploads(value: unknown): { uploads: AttachmentUpload[]; inlinedChars: number } {
  if (value === undefined) return { uploads: [], inlinedChars: 0 };
  let checked;
  try {
    checked = checkUploads(value);
  } catch (error) {
    if (error instanceof AttachmentProblem) throw new InvalidInput(error.message);
    throw error;
  }
  const uploads = (value as AttachmentUpload[]).map(({ name, data, thumbnail }) => (thumbnail === undefined ? { name, data } : { name, data, thumbnail }));
  return { uploads, inlinedChars: checked.filter((a) => a.kind === 'text').reduce((n, a) => n + a.bytes.length, 0) };
}

/** Keeps only generation options with sane values; anything else from the window is dropped. */
export function parseOptions(value: unknown): NonNullable<StreamRequest['options']> {
  const o = (typeof value === 'object' && value !== null ? value : {}) as NonNullable<StreamRequest['options']>;
  const out: NonNullable<StreamRequest['options']> = {};
  if (typeof o.temperature === 'number' && o.temperature >= 0 && o.temperature <= 2) out.temperature = o.temperature;
  if (Number.isSafeInteger(o.maxOutputTokens) && (o.maxOutputTokens as number) > 0) out.maxOutputTokens = o.maxOutputTokens;
  if (o.reasoningEffort === 'low' || o.reasoningEffort === 'medium' || o.reasoningEffort === 'high') out.reasoningEffort = o.reasoningEffort;
  if (Number.isSafeInteger(o.thinkingBudget) && (o.thinkingBudget as number) > 0) out.thinkingBudget = o.thinkingBudget;
  if (o.adaptiveThinking === true) out.adaptiveThinking = true;
  if (isAnthropicEffort(o.effort)) out.effort = o.effort;
  return out;
}

export interface CleanProviderInput extends ProviderInput {
  /** Things fixed on the way in that the user should hear about (key trimmed, /v1 removed…). */
  notices: string[];
}

const MAX_HEADERS = 20;
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

export function parseProviderInput(value: unknown): CleanProviderInput {
  const p = value as Partial<ProviderInput> | null;
  if (typeof p !== 'object' || p === null) throw new InvalidInput('The provider settings were empty.');
  const kind = parseKind(p.kind);
  const name = typeof p.name === 'string' ? p.name.trim() : '';
  if (name === '') throw new InvalidInput('Give the provider a name.');
  const notices: string[] = [];
  const baseURL = take(checkBaseURL(typeof p.baseURL === 'string' ? p.baseURL : '', kind), notices);
  const model = take(checkModelId(typeof p.model === 'string' ? p.model : ''), notices);
  const clean: CleanProviderInput = { name, kind, baseURL, model, notices };
  if (typeof p.id === 'string' && p.id !== '') clean.id = p.id;
  if (typeof p.presetId === 'string' && p.presetId !== '') clean.presetId = p.presetId;
  if (typeof p.apiKey === 'string') {
    // '' means "remove the key"; anything else is checked like a pasted key.
    clean.apiKey = p.apiKey === '' ? '' : (take(checkApiKey(p.apiKey, false), notices) ?? '');
  }
  if (p.headers !== undefined) clean.headers = parseHeaders(p.headers);
  if (typeof p.readThinkTags === 'boolean') clean.readThinkTags = p.readThinkTags;
  return clean;
}

/** Which saved provider and model to find the context window of. */
export function parseContextRequest(value: unknown): { providerId: string; model: string } {
  const r = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<'providerId' | 'model', unknown>>;
  if (typeof r.providerId !== 'string' || r.providerId === '') throw new InvalidInput('Say which provider to ask.');
  if (typeof r.model !== 'string' || r.model.trim() === '' || r.model.length > 300) throw new InvalidInput('Say which model to ask about.');
  return { providerId: r.providerId, model: r.model.trim() };
}

/** A saved provider, or settings typed but not saved, to test or list models of. */
export function parseProviderProbe(value: unknown): ProviderProbe {
  const p = value as Partial<ProviderProbe> | null;
  if (typeof p !== 'object' || p === null) throw new InvalidInput('Say which provider to check.');
  const probe: ProviderProbe = {};
  if (typeof p.id === 'string' && p.id !== '') probe.id = p.id;
  if (p.kind !== undefined) probe.kind = parseKind(p.kind);
  if (p.baseURL !== undefined) {
    probe.baseURL = take(checkBaseURL(typeof p.baseURL === 'string' ? p.baseURL : '', probe.kind ?? 'openai'), []);
  }
  if (typeof p.apiKey === 'string' && p.apiKey.trim() !== '') probe.apiKey = take(checkApiKey(p.apiKey, false), []);
  if (p.headers !== undefined) probe.headers = parseHeaders(p.headers);
  if (p.refresh === true) probe.refresh = true;
  if (!probe.id && (!probe.kind || !probe.baseURL)) throw new InvalidInput('Enter the kind and base URL of the provider first.');
  return probe;
}

function parseKind(kind: unknown): ProviderKind {
  if (kind !== 'openai' && kind !== 'anthropic') throw new InvalidInput('Choose the kind of provider.');
  return kind;
}

function parseHeaders(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidInput('Extra headers must be name: value pairs.');
  const entries = Object.entries(value);
  if (entries.length > MAX_HEADERS) throw new InvalidInput(`At most ${MAX_HEADERS} extra headers are allowed.`);
  const out: Record<string, string> = {};
  for (const [rawName, rawValue] of entries) {
    const name = rawName.trim();
    if (!HEADER_NAME.test(name)) throw new InvalidInput(`"${name}" is not a valid header name.`);
    // Header values cannot hold line breaks or non-ASCII; catching it here beats an SDK crash.
    if (typeof rawValue !== 'string' || !/^[\x20-\x7e\t]*$/.test(rawValue)) {
      throw new InvalidInput(`The value of the header "${name}" has characters a header cannot carry.`);
    }
    out[name] = rawValue.trim();
  }
  return out;
}

function take<T>(checked: Checked<T>, notices: string[]): T {
  if (!checked.ok) throw new InvalidInput(checked.error.message);
  if (checked.notice) notices.push(checked.notice);
  return checked.value;
}
