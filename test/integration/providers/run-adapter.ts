// Drives an adapter the way the stream session does and sums up what a user would see.
import { afterEach } from 'vitest';
import type { FinishReason, PlumeError, ProviderEvent, Usage } from '../../../src/shared/provider-events';
import { ProviderFailure } from '../../../src/main/providers/errors';
import { createAdapter } from '../../../src/main/providers/registry';
import type { AdapterKind, ProviderCall, ProviderCallConfig } from '../../../src/main/providers/types';
import { startFakeAnthropic, startFakeOpenAI, streamReply, type FakeAnthropic, type FakeOpenAI, type Step } from '../../support/fake-providers';

export interface RunResult {
  events: ProviderEvent[];
  text: string;
  reasoning: string;
  usage?: Usage;
  finish?: FinishReason;
  error?: PlumeError;
  byteReports: number;
}

export const HELLO: ProviderCall = { model: 'fake-model', messages: [{ role: 'user', content: 'Hello?' }] };

export async function runAdapter(
  kind: AdapterKind,
  config: ProviderCallConfig,
  call: ProviderCall = HELLO,
  signal: AbortSignal = new AbortController().signal,
): Promise<RunResult> {
  const result: RunResult = { events: [], text: '', reasoning: '', byteReports: 0 };
  const adapter = createAdapter(kind, { maxRetries: 0, ...config });
  try {
    for await (const event of adapter.stream(call, { signal, onBytes: () => result.byteReports++ })) {
      result.events.push(event);
      if (event.type === 'text') result.text += event.text;
      if (event.type === 'reasoning') result.reasoning += event.text;
      if (event.type === 'usage') result.usage = event.usage;
      if (event.type === 'finish') result.finish = event.reason;
    }
  } catch (error) {
    // Anything but a ProviderFailure escaping an adapter is a bug the test should show.
    if (!(error instanceof ProviderFailure)) throw error;
    result.error = error.plume;
  }
  return result;
}

/** Fake servers started through these are closed after each test. */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

export async function openaiFake(): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI();
  open.push(fake);
  return fake;
}

export async function anthropicFake(): Promise<FakeAnthropic> {
  const fake = await startFakeAnthropic();
  open.push(fake);
  return fake;
}

/** Streams until the first text event, aborts there, and returns the event types seen. */
export async function abortAtFirstText(kind: AdapterKind, baseURL: string): Promise<string[]> {
  const controller = new AbortController();
  const adapter = createAdapter(kind, { baseURL, apiKey: 'k', maxRetries: 0 });
  const seen: string[] = [];
  for await (const event of adapter.stream(HELLO, { signal: controller.signal })) {
    seen.push(event.type);
    if (event.type === 'text') controller.abort();
  }
  return seen;
}

/** Plays one scripted streamed reply from a fresh fake server through the adapter. */
export async function playSteps(kind: AdapterKind, steps: Step[]): Promise<RunResult> {
  const fake = kind === 'openai' ? await openaiFake() : await anthropicFake();
  fake.nextReply(streamReply(steps));
  return runAdapter(kind, { baseURL: fake.baseURL, apiKey: 'k' });
}
