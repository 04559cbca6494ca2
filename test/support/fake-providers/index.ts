// Entry point for tests: start a fake OpenAI-compatible or Anthropic server and script it.
import * as anthropic from './anthropic-wire';
import * as openai from './openai-wire';
import { startFakeProvider, type FakeProvider } from './server';

export interface FakeOpenAI extends FakeProvider {
  /** Queue a well-formed streamed reply of `text`, cut into `tokens` pieces sent every `everyMs`. */
  replyText(text: string, options?: openai.TextStreamOptions): void;
  /** Queue an HTTP error with OpenAI's error body. */
  replyError(status: number, options?: openai.HttpErrorOptions): void;
}

export interface FakeAnthropic extends FakeProvider {
  replyText(text: string, options?: anthropic.TextStreamOptions): void;
  replyError(status: number, options?: anthropic.HttpErrorOptions): void;
}

/** Serves `POST {baseURL}/chat/completions` and `GET {baseURL}/models`; baseURL ends in `/v1`. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake = await startFakeProvider({
    basePath: '/v1',
    route: (method, path) =>
      method === 'POST' && path.endsWith('/chat/completions')
        ? 'generate'
        : method === 'GET' && path.endsWith('/models')
          ? 'models'
          : undefined,
    defaultReply: () => openai.textStream('Hello from the fake server.'),
    modelsBody: openai.modelsBody,
    httpError: (status, message) => openai.httpError(status, { message }),
  });
  return Object.assign(fake, {
    replyText: (text: string, options?: openai.TextStreamOptions) => fake.nextReply(openai.textStream(text, options)),
    replyError: (status: number, options?: openai.HttpErrorOptions) => fake.nextReply(openai.httpError(status, options)),
  });
}

/** Serves `POST /v1/messages` and `GET /v1/models`; baseURL has no `/v1`, like the real one. */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const fake = await startFakeProvider({
    basePath: '',
    route: (method, path) =>
      method === 'POST' && path === '/v1/messages'
        ? 'generate'
        : method === 'GET' && path === '/v1/models'
          ? 'models'
          : undefined,
    defaultReply: () => anthropic.textStream('Hello from the fake server.'),
    modelsBody: anthropic.modelsBody,
    httpError: (status, message) => anthropic.httpError(status, { message }),
  });
  return Object.assign(fake, {
    replyText: (text: string, options?: anthropic.TextStreamOptions) =>
      fake.nextReply(anthropic.textStream(text, options)),
    replyError: (status: number, options?: anthropic.HttpErrorOptions) =>
      fake.nextReply(anthropic.httpError(status, options)),
  });
}

export { anthropic, openai };
export * from './steps';
export * from './tool-call-wire';
export type { FakeProvider, RecordedRequest } from './server';
