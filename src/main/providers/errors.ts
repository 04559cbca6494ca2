// One place that turns whatever a provider call threw into a PlumeError written for a person.
import type { PlumeError } from '../../shared/provider-events';
import { readErrorFacts, type ErrorFacts } from './error-facts';
import { hostOf } from './host';
import { scrubSecrets, secretHeaderValues } from './scrub';

/** What the adapters throw. `plume` is safe to show: plain words, no key. */
export class ProviderFailure extends Error {
  readonly plume: PlumeError;

  constructor(plume: PlumeError) {
    super(plume.message);
    this.name = 'ProviderFailure';
    this.plume = plume;
  }
}

export interface FailureContext {
  baseURL: string;
  /** Hidden from every message, in case the provider echoes it. */
  apiKey?: string | undefined;
  /** Extra headers sent; those that are or look like credentials are hidden too. */
  headers?: Record<string, string> | undefined;
  /**
   * `request`: no reply bytes yet (the SDK may already have retried); `stream`: the reply had
   * started, so a transport failure means the connection was lost mid-reply.
   */
  phase: 'request' | 'stream';
}

/**
 * The SDK error is not kept as `cause`: its message is the provider's raw text and may carry
 * the key, and a cause tends to end up in logs.
 */
export function toProviderFailure(error: unknown, context: FailureContext): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  return new ProviderFailure(classifyProviderError(error, context));
}

function classifyProviderError(error: unknown, context: FailureContext): PlumeError {
  const plume = describe(readErrorFacts(error), context, hostOf(context.baseURL));
  const others = secretHeaderValues(context.headers);
  const clean: PlumeError = { ...plume, message: scrubSecrets(plume.message, context.apiKey, others) };
  if (plume.detail !== undefined) clean.detail = scrubSecrets(plume.detail, context.apiKey, others);
  return clean;
}

function describe(facts: ErrorFacts, context: FailureContext, host: string): PlumeError {
  if (facts.connectionFailed) {
    return context.phase === 'stream' ? connectionLost(host) : unreachable(facts, host);
  }
  if (facts.status !== undefined) return byStatus(facts.status, facts, host, context.baseURL);
  if (facts.fromProvider) return reportedInStream(facts, host);
  if (facts.raw instanceof SyntaxError) {
    return { kind: 'provider_error', message: `${host} sent part of the reply in a form Plume could not read.` };
  }
  if (context.phase === 'stream' && isTransportFailure(facts)) return connectionLost(host);
  return {
    kind: 'unknown',
    message: `Something went wrong while talking to ${host}: ${facts.raw?.message ?? 'unknown error'}.`,
  };
}

function byStatus(status: number, facts: ErrorFacts, host: string, baseURL: string): PlumeError {
  const said = facts.providerMessage;
  const withDetail = (plume: PlumeError): PlumeError => (said ? { ...plume, status, detail: said } : { ...plume, status });
  if (status === 401) {
    return withDetail({ kind: 'auth', message: `${host} rejected the API key (401). Check the key in this provider's settings.` });
  }
  if (status === 402) {
    return withDetail({ kind: 'permission', message: `${host} refused for a billing reason (402). Check the account's credit or plan.` });
  }
  if (status === 403) {
    return withDetail({ kind: 'permission', message: `This key is not allowed to do that on ${host} (403): it may not have access to this model.` });
  }
  if (status === 429) return withDetail(rateLimited(facts, host));
  if (status === 404 && !said) {
    return withDetail({ kind: 'unreachable', message: `Nothing was found at ${baseURL} (404). Check the base URL (does it need /v1 at the end?).` });
  }
  if (status === 408 || status >= 500) {
    const overloaded = status === 529 || facts.providerCode === 'overloaded_error';
    const what = overloaded ? 'is overloaded right now' : 'is having trouble';
    return withDetail({ kind: 'server', message: `${host} ${what} (${status}). Try again in a moment.` });
  }
  if (status >= 400) {
    const message = said ? `${host} rejected the request: ${said}` : `${host} rejected the request (${status}).`;
    return withDetail({ kind: 'bad_request', message });
  }
  return withDetail({ kind: 'unknown', message: `${host} answered with an unexpected status (${status}).` });
}

function rateLimited(facts: ErrorFacts, host: string): PlumeError {
  if (facts.providerCode === 'insufficient_quota') {
    return { kind: 'rate_limit', message: `The account on ${host} has run out of quota or credit. Check its billing.` };
  }
  const wait = facts.retryAfterSec;
  if (wait === undefined) {
    return { kind: 'rate_limit', message: `${host} is rate limiting this key. Wait a little and try again.` };
  }
  return { kind: 'rate_limit', retryAfterSec: wait, message: `${host} is rate limiting this key. Try again in ${formatWait(wait)}.` };
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function reportedInStream(facts: ErrorFacts, host: string): PlumeError {
  const said = facts.providerMessage;
  if (facts.providerCode === 'overloaded_error') {
    return { kind: 'provider_error', message: `${host} is overloaded and stopped the reply. Try again in a moment.`, ...(said ? { detail: said } : {}) };
  }
  if (!said) return { kind: 'provider_error', message: `${host} reported an error in the middle of the reply.` };
  return { kind: 'provider_error', message: `${host} reported an error in the middle of the reply: ${said}`, detail: said };
}

const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

function unreachable(facts: ErrorFacts, host: string): PlumeError {
  const code = facts.causeCode ?? '';
  if (facts.timedOut) {
    return { kind: 'unreachable', message: `${host} did not answer in time. Check the base URL and your connection, then try again.` };
  }
  if (code === 'ECONNREFUSED') {
    return { kind: 'unreachable', message: `Could not connect to ${host}: nothing is listening there. Is the server running, and is the base URL right?` };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'unreachable', message: `Could not find the host ${host}. Check the base URL and your internet connection.` };
  }
  if (CERTIFICATE_CODE.test(code)) {
    return { kind: 'unreachable', message: `Could not make a secure connection to ${host} (certificate problem). Check the base URL.` };
  }
  return { kind: 'unreachable', message: `Could not reach ${host}. Check the base URL and your connection.` };
}

function connectionLost(host: string): PlumeError {
  return { kind: 'connection_lost', message: `The connection to ${host} was lost in the middle of the reply.` };
}

/** undici reports a body cut short as `TypeError: terminated` with a socket error as cause. */
function isTransportFailure(facts: ErrorFacts): boolean {
  return facts.causeCode !== undefined || facts.raw?.message === 'terminated';
}
