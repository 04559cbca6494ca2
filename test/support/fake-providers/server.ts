// A real HTTP server on 127.0.0.1 that plays scripted provider replies and records what it got.
// The wire format lives in a `Dialect`; this file only knows requests, replies and sockets.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpReply, Reply, Step } from './steps';

export type Route = 'generate' | 'models';

export interface Dialect {
  /** Appended to `http://127.0.0.1:<port>` to form the baseURL the SDK is given. */
  basePath: string;
  route(method: string, pathname: string): Route | undefined;
  defaultReply(): Reply;
  modelsBody(ids: string[]): unknown;
  /** An error in the provider's own shape, used for unknown routes and misuse. */
  httpError(status: number, message: string): HttpReply;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  /** True once the client went away before the reply was complete. */
  clientDisconnected: boolean;
  /** Resolves when the client goes away before the reply is complete (abort, reload, crash). */
  disconnected: Promise<void>;
}

export interface FakeProvider {
  /** Give this to the SDK as `baseURL`. */
  readonly baseURL: string;
  /** Every request in arrival order, models listings included. */
  readonly requests: readonly RecordedRequest[];
  /** Queue replies for the next generation requests, one per request, in order. */
  nextReply(...replies: Reply[]): void;
  /** The reply used when the queue is empty (initially a short well-formed streamed answer). */
  setDefaultReply(reply: Reply): void;
  /** Model ids served by the models listing. */
  setModels(ids: string[]): void;
  /** Queue replies for the next models listings (e.g. a 401), one per request. */
  nextModelsReply(...replies: Reply[]): void;
  /** Resolves with the `count`-th request (1-based) once it has arrived. */
  waitForRequest(count?: number): Promise<RecordedRequest>;
  /** Resolves when the client of the `count`-th request (default: the latest, or the next one) disconnects early. */
  waitForDisconnect(count?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeProvider(dialect: Dialect): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const replies: Reply[] = [];
  const modelsReplies: Reply[] = [];
  const arrivalWaiters: Array<() => void> = [];
  let defaultReply = dialect.defaultReply();
  let models = ['fake-model-a', 'fake-model-b'];

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined); // writes racing a client that left are expected here
    const recorded = await record(req, res);
    requests.push(recorded);
    arrivalWaiters.splice(0).forEach((wake) => wake());
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));

    const route = dialect.route(recorded.method, recorded.path);
    if (route === 'models') {
      return play(res, modelsReplies.shift() ?? okJson(dialect.modelsBody(models)), closed);
    }
    if (route === 'generate') {
      const reply = replies.shift() ?? defaultReply;
      const streaming = (recorded.body as { stream?: unknown } | undefined)?.stream === true;
      if (reply.kind === 'stream' && !streaming) {
        return play(res, dialect.httpError(400, 'This fake server only streams: send "stream": true.'), closed);
      }
      return play(res, reply, closed);
    }
    return play(res, dialect.httpError(404, `No route ${recorded.method} ${recorded.path} on the fake server.`), closed);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitForRequest = async (count = 1): Promise<RecordedRequest> => {
    while (requests.length < count) await new Promise<void>((wake) => arrivalWaiters.push(wake));
    return requests[count - 1]!;
  };

  return {
    baseURL: `http://127.0.0.1:${port}${dialect.basePath}`,
    requests,
    nextReply: (...more) => void replies.push(...more),
    setDefaultReply: (reply) => void (defaultReply = reply),
    setModels: (ids) => void (models = [...ids]),
    nextModelsReply: (...more) => void modelsReplies.push(...more),
    waitForRequest,
    waitForDisconnect: async (count) => (await waitForRequest(count ?? Math.max(1, requests.length))).disconnected,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const okJson = (body: unknown): HttpReply => ({
  kind: 'http',
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function record(req: IncomingMessage, res: ServerResponse): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://fake');
  const recorded: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: parseBody(text),
    clientDisconnected: false,
    disconnected: new Promise<void>((resolve) => {
      res.once('close', () => {
        // A reply we finished, or a socket we dropped on purpose, is not the client leaving.
        if (res.writableFinished || droppedByScript.has(res)) return;
        recorded.clientDisconnected = true;
        resolve();
      });
    }),
  };
  return recorded;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const droppedByScript = new WeakSet<ServerResponse>();

async function play(res: ServerResponse, reply: Reply, closed: Promise<void>): Promise<void> {
  if (reply.kind === 'silent') return closed;
  if (reply.kind === 'http') {
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
    return;
  }
  res.writeHead(reply.status ?? 200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...reply.headers,
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true); // each step should leave as its own packet
  for (const step of reply.steps) {
    if (res.destroyed) return;
    if (await playStep(res, step, closed)) return;
  }
  const last = reply.steps.at(-1);
  while (reply.repeatLast && last && !res.destroyed) {
    if (await playStep(res, last, closed)) return;
    // A loopback write completes at once: without a turn of the event loop, nothing else
    // (the client in this same process included) would ever run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

/** Plays one step; returns true when the response is over (dropped or stalled until close). */
async function playStep(res: ServerResponse, step: Step, closed: Promise<void>): Promise<boolean> {
  switch (step.do) {
    case 'send':
      await new Promise<void>((resolve) => res.write(step.bytes, () => resolve()));
      return false;
    case 'wait': {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, step.ms))), closed]);
      clearTimeout(timer);
      return false;
    }
    case 'drop':
      droppedByScript.add(res);
      res.socket?.destroy();
      return true;
    case 'stall':
      await closed;
      return true;
    case 'until':
      await Promise.race([step.released, closed]);
      return false;
  }
}
