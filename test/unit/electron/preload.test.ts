// The preload, run against a stand-in for Electron's renderer modules: it must expose exactly the
// contract and forward only well-formed messages from main to the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_EVENT, APP_COMMAND_MESSAGE_TYPE } from '../../../src/shared/app-commands';
import { IpcEvent, PORT_MESSAGE_TYPE } from '../../../src/shared/contract';

type Listener = (event: { ports: unknown[] }, message: unknown) => void;
const exposed = new Map<string, Record<string, (...args: unknown[]) => Promise<unknown>>>();
const listeners = new Map<string, Listener>();
const invoke = vi.fn(async () => ({ ok: true, value: [] }));
const posted: unknown[][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: never) => exposed.set(name, api) },
  ipcRenderer: { invoke, on: (channel: string, listener: Listener) => listeners.set(channel, listener) },
}));

beforeAll(async () => {
  Object.assign(globalThis, { window: { location: { origin: 'plume://app' }, postMessage: (...args: unknown[]) => posted.push(args) } });
  // A computed specifier keeps the Node-side type check out of a file written for a page.
  const preload = '../../../src/preload/index.ts';
  await import(preload);
});

describe('preload', () => {
  it('exposes one global with only invoke and requestStream', () => {
    expect([...exposed.keys()]).toEqual(['plume']);
    expect(Object.keys(exposed.get('plume') ?? {}).sort()).toEqual(['invoke', 'requestStream']);
  });

  it('refuses channels outside the allow-list without reaching main', async () => {
    const api = exposed.get('plume')!;
    await expect(api.invoke!('fs:readFile', {})).rejects.toThrow(/Unknown channel/);
    expect(invoke).not.toHaveBeenCalled();
    await api.invoke!('providers:list', undefined);
    expect(invoke).toHaveBeenCalledWith(IpcEvent.invoke, 'providers:list', undefined);
  });

  it('forwards a reply port to its own origin with the nonce, and drops malformed hand-overs', () => {
    const port = { fake: 'port' };
    listeners.get(IpcEvent.streamPort)!({ ports: [port] }, { nonce: 'n'.repeat(20) });
    listeners.get(IpcEvent.streamPort)!({ ports: [] }, { nonce: 'x'.repeat(20) });
    listeners.get(IpcEvent.streamPort)!({ ports: [port] }, { nonce: 42 });
    expect(posted).toEqual([[{ type: PORT_MESSAGE_TYPE, nonce: 'n'.repeat(20) }, 'plume://app', [port]]]);
  });

  it('passes known menu commands to the page and nothing else', () => {
    posted.length = 0;
    listeners.get(APP_COMMAND_EVENT)!({ ports: [] }, 'new-chat');
    listeners.get(APP_COMMAND_EVENT)!({ ports: [] }, 'rm -rf');
    expect(posted).toEqual([[{ type: APP_COMMAND_MESSAGE_TYPE, command: 'new-chat' }, 'plume://app']]);
  });
});
