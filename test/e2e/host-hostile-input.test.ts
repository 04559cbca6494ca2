// The browser-mode host, run as its own process, against malformed WebSocket frames, upgrade
// targets, request targets and cookies from any local process. After each one the host must
// still be running and still answer the page; and the largest request the normal UI may send (a
// 3.5 MB picture plus 1.3 M CJK characters, both within src/shared/limits.ts) must still work.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNoisePng } from '../support/attachments/files';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-providers';
import { type HostProcess, startHostProcess } from './support/host-process';

let host: HostProcess;
let fake: FakeOpenAI;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dataDir = mkdtempSync(join(tmpdir(), 'plume-hostile-'));
  host = await startHostProcess(dataDir);
});
afterAll(async () => {
  await host.stop();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The host is alive and serves the page's calls. */
async function expectStillAnswering(): Promise<void> {
  expect(host.child.exitCode, host.stderr.join('')).toBeNull();
  expect(Array.isArray(await host.rpc('providers:list', null))).toBe(true);
}

/** Sends raw bytes on a fresh TCP connection and returns whatever comes back before it closes. */
async function rawExchange(bytes: Buffer | string, then?: (socket: Socket, firstReply: string) => void): Promise<string> {
  const { port } = new URL(host.origin);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  let received = '';
  let handedOver = false;
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    if (then && !handedOver && received.includes('\r\n\r\n')) {
      handedOver = true;
      then(socket, received);
    }
  });
  socket.write(bytes);
  await Promise.race([once(socket, 'close'), new Promise((resolve) => setTimeout(resolve, 3000))]);
  socket.destroy();
  return received;
}

function upgradeRequest(target: string, extra: Record<string, string> = {}): string {
  const { host: hostHeader, origin } = new URL(host.origin);
  const headers = {
    Host: hostHeader,
    Origin: origin,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Protocol': `plume, plume-token.${host.token}`,
    ...extra,
  };
  return `GET ${target} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/** One WebSocket frame; `mask` false makes the client frame illegal, as does a reserved opcode. */
function frame(opcode: number, payload: Buffer, options: { fin?: boolean; mask?: boolean; rsv?: number; claimedLength?: number } = {}): Buffer {
  const { fin = true, mask = true, rsv = 0, claimedLength = payload.length } = options;
  const head = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
  const maskBit = mask ? 0x80 : 0;
  let lengthBytes: Buffer;
  if (claimedLength < 126) lengthBytes = Buffer.from([maskBit | claimedLength]);
  else if (claimedLength < 65536) lengthBytes = Buffer.from([maskBit | 126, claimedLength >> 8, claimedLength & 255]);
  else {
    lengthBytes = Buffer.alloc(9);
    lengthBytes[0] = maskBit | 127;
    lengthBytes.writeBigUInt64BE(BigInt(claimedLength), 1);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), lengthBytes, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), lengthBytes, key, masked]);
}

const FRAMES: Record<string, Buffer> = {
  'a first frame claiming 64 MiB': frame(0x1, Buffer.from('{"a":'), { claimedLength: 64 * 1024 * 1024 }),
  'invalid UTF-8 in a text frame': frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28])),
  'an unmasked frame': frame(0x1, Buffer.from('{}'), { mask: false }),
  'reserved opcode 3': frame(0x3, Buffer.from('x')),
  'reserved opcode 0xB (control)': frame(0xb, Buffer.from('x')),
  'RSV1 without an extension': frame(0x1, Buffer.from('{}'), { rsv: 4 }),
  'a fragmented ping': frame(0x9, Buffer.from('x'), { fin: false }),
  'a ping over 125 bytes': frame(0x9, Buffer.alloc(200, 1)),
  'a close frame with code 999': frame(0x8, Buffer.from([0x03, 0xe7])),
  'a continuation with nothing to continue': frame(0x0, Buffer.from('x')),
  'a 64-bit length with the top bit set': Buffer.from([0x81, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]),
};

describe('malformed WebSocket frames', () => {
  for (const [name, bytes] of Object.entries(FRAMES)) {
    it(`${name}: the socket closes, the host keeps answering`, async () => {
      const reply = await rawExchange(upgradeRequest('/stream'), (socket) => socket.write(bytes));
      expect(reply).toMatch(/^HTTP\/1\.1 101/);
      await expectStillAnswering();
    });
  }
});

describe('random frames (seeded fuzz)', () => {
  it('60 connections each sending random bytes after the handshake: the host answers after every one', async () => {
    let seed = 20261130;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 60; run++) {
      const length = 2 + Math.floor(random() * 200);
      const bytes = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
      // Half of them start like a real text frame, so the parser gets past the first byte.
      if (run % 2 === 0) bytes[0] = 0x81;
      const reply = await rawExchange(upgradeRequest('/stream'), (socket) => socket.write(bytes, () => setTimeout(() => socket.end(), 50)));
      expect(reply).toMatch(/^HTTP\/1\.1 101/);
      await expectStillAnswering();
    }
  }, 120_000);
});

describe('malformed upgrades, targets and cookies (no token needed to send them)', () => {
  const targets = ['http://[', '%', '/stream?%zz', '//[', '*', '/stream/%', `/${'a'.repeat(6000)}`, 'http://127.0.0.1:1/stream'];
  for (const target of targets) {
    // `/stream?%zz` and an absolute-form `…/stream` still name the reply socket: those may open.
    const namesStream = target.startsWith('/stream?') || target.endsWith(':1/stream');
    it(`upgrade to ${target.slice(0, 30)}: ${namesStream ? 'opens' : 'refused'}, the host keeps answering`, async () => {
      const reply = await rawExchange(upgradeRequest(target), (socket) => socket.end());
      expect(reply).toMatch(namesStream ? /^HTTP\/1\.1 101/ : /^HTTP\/1\.1 (400|403|404)/);
      await expectStillAnswering();
    });
    it(`GET ${target.slice(0, 30)}: 4xx, the host keeps answering`, async () => {
      const { host: hostHeader } = new URL(host.origin);
      const reply = await rawExchange(`GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
      expect(reply).toMatch(/^HTTP\/1\.1 4\d\d/);
      await expectStillAnswering();
    });
  }

  it('a malformed RPC channel is a 400', async () => {
    const res = await fetch(`${host.origin}/rpc/%E0%A4%A`, { method: 'POST', headers: { 'x-plume-token': host.token, origin: host.origin }, body: '' });
    expect(res.status).toBe(400);
    await expectStillAnswering();
  });

  it('cookies another local app set on 127.0.0.1 (discount=100%, x=%) change nothing', async () => {
    const cookie = 'discount=100%; x=%; =; ;;';
    const page = await fetch(`${host.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const res = await fetch(`${host.origin}/rpc/providers:list`, { method: 'POST', headers: { cookie, 'x-plume-token': host.token, origin: host.origin }, body: '' });
    expect(res.status).toBe(200);
    expect(await rawExchange(upgradeRequest('/stream', { Cookie: cookie }), (socket) => socket.end())).toMatch(/^HTTP\/1\.1 101/);
    await expectStillAnswering();
  });

  it('a declared body over the limit is a 413 before it is read', async () => {
    const { host: hostHeader, origin } = new URL(host.origin);
    const reply = await rawExchange(
      `POST /rpc/providers:list HTTP/1.1\r\nHost: ${hostHeader}\r\nOrigin: ${origin}\r\nX-Plume-Token: ${host.token}\r\nContent-Length: ${1024 ** 3}\r\nConnection: close\r\n\r\n{`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    await expectStillAnswering();
  });
});

describe('the largest message the UI allows', () => {
  it('a 3.5 MB picture plus 1.3 M CJK characters reaches the provider and the reply comes back', async () => {
    const { provider } = await host.rpc<{ provider: { id: string } }>('providers:save', { name: 'Fake', kind: 'openai', baseURL: fake.baseURL, model: 'gpt-e2e' });
    const conversation = await host.rpc<{ id: string }>('conversations:create', { providerId: provider.id, model: 'gpt-e2e' });
    const picture = makeNoisePng(3_500_000);
    expect(picture.length).toBeGreaterThan(3_400_000);
    const text = '漢字かな交じり文'.repeat(1_300_000 / 8);
    fake.replyText('Got your picture and text.');
    const socket = host.openSocket();
    socket.on('error', () => undefined);
    await once(socket, 'open');
    const request = { conversationId: conversation.id, providerId: provider.id, model: 'gpt-e2e', action: { kind: 'send', text, attachments: [{ name: 'photo.png', data: picture.toString('base64') }] } };
    expect(Buffer.byteLength(JSON.stringify(request))).toBeGreaterThan(8 * 1024 * 1024); // beyond the old 8 MiB frame cap
    socket.send(JSON.stringify(request));
    socket.send(JSON.stringify({ t: 'credit', n: 64 }));
    let end: { outcome?: { state: string; error?: { message: string } }; error?: { message: string } } | undefined;
    let reply = '';
    const ended = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { t: string; text?: string; outcome?: { state: string } };
        if (message.t === 'delta') reply += message.text ?? '';
        if (message.t === 'end') {
          end = message;
          resolve();
        }
        socket.send(JSON.stringify({ t: 'credit', n: 1 }));
      });
      socket.on('close', (code, why) => {
        end ??= { error: { message: `socket closed ${code} ${why.toString()}` } };
        resolve();
      });
    });
    await ended;
    socket.close();
    expect(end?.error?.message).toBeUndefined();
    expect(end?.outcome?.error?.message).toBeUndefined();
    expect(end?.outcome?.state).toBe('complete');
    expect(reply + ((end as { text?: string }).text ?? '')).toContain('Got your picture and text.');
    const sent = JSON.stringify((await fake.waitForRequest(1)).body);
    expect(sent).toContain('漢字かな交じり文');
    await expectStillAnswering();
  }, 120_000);
});
