// The part both adapters share: open the SDK stream, feed its items to a reader, and turn any
// failure into a ProviderFailure that knows whether the reply had started.
import type { ProviderEvent } from '../../shared/provider-events';
import { toProviderFailure, type FailureContext } from './errors';
import { openWithRetries } from './open-with-retries';

export interface StreamReader<Item> {
  read(item: Item): Iterable<ProviderEvent>;
  /** The stream ended without an error; yields the closing events, if the provider sent them. */
  end(): Iterable<ProviderEvent>;
  /** True when the provider had already said why it stopped, so a later error is not the story. */
  finishedBeforeError?(): boolean;
}

export interface PumpOptions<Item> {
  /** Sends the request with the SDK's own retries off; resolves once response headers are in. */
  open: () => Promise<AsyncIterable<Item>>;
  /** Retries after a failed first attempt, each announced with a `retry` event. */
  maxRetries: number;
  reader: StreamReader<Item>;
  signal: AbortSignal;
  failure: Omit<FailureContext, 'phase'>;
}

export async function* pumpSdkStream<Item>(options: PumpOptions<Item>): AsyncGenerator<ProviderEvent> {
  const { reader, signal } = options;
  const items = yield* openWithRetries(options);
  if (!items) return;
  try {
    for await (const item of items) yield* reader.read(item);
  } catch (error) {
    if (signal.aborted) return;
    if (reader.finishedBeforeError?.()) return yield* reader.end();
    throw toProviderFailure(error, { ...options.failure, phase: 'stream' });
  }
  // The SDKs end iteration quietly when aborted mid-stream; that is not a normal end either.
  if (signal.aborted) return;
  yield* reader.end();
}
