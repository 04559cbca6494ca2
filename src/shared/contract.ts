// The one contract between the window and main. Preload, the browser-mode bridge, the Electron
// wiring, the web host and the tests all derive from this file, so a channel that is not listed
// here cannot be called from anywhere.
import type { StreamRequest } from './chat';
import type { PlumeError } from './provider-events';

export type ProviderKind = 'openai' | 'anthropic';

/** What the renderer may know about a provider: never the key itself. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  model: string;
  hasKey: boolean;
  /** e.g. `sk-…a1b2`; null when no key is set. */
  keyHint: string | null;
}

export interface ProviderInput {
  /** Absent when adding a new provider. */
  id?: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  model: string;
  /** Undefined keeps the stored key; '' removes it. */
  apiKey?: string;
}

export interface SavedProvider {
  provider: ProviderView;
  /** Things the user should know about what was saved, e.g. whitespace removed from the key. */
  notices: string[];
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  versions: Record<string, string>;
}

/** Request/response channels. Each entry types `invoke` in the page and `handle` in main. */
export interface Channels {
  'app:info': { req: void; res: AppInfo };
  'providers:list': { req: void; res: ProviderView[] };
  'providers:save': { req: ProviderInput; res: SavedProvider };
  'providers:remove': { req: { id: string }; res: void };
  'links:open': { req: { url: string }; res: void };
}

export type Channel = keyof Channels;
export type Req<C extends Channel> = Channels[C]['req'];
export type Res<C extends Channel> = Channels[C]['res'];

/** The allow-list. `satisfies` keeps it in step with `Channels` at compile time. */
export const CHANNELS = {
  'app:info': true,
  'providers:list': true,
  'providers:save': true,
  'providers:remove': true,
  'links:open': true,
} as const satisfies Record<Channel, true>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(CHANNELS, name);
}

/** Fixed IPC names used by the Electron wiring (Electron Fiddle's one-enum pattern). */
export const IpcEvent = {
  invoke: 'plume:invoke',
  openStream: 'plume:open-stream',
  streamPort: 'plume:stream-port',
} as const;

/** Marker of the window message that hands a stream port from preload to the page. */
export const PORT_MESSAGE_TYPE = 'plume:port';

/** Answer of an `invoke`: errors cross the boundary as data so they keep their kind. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false, error: PlumeError };

/**
 * What the page sees as `window.plume` in Electron, and what the browser-mode bridge implements
 * over HTTP and WebSocket. Kept tiny on purpose.
 */
export interface PlumeBridge {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  /** Opens a reply stream; resolves with the renderer end of its port. */
  openStream(request: StreamRequest): Promise<import('./port/port').PortLike>;
}

export type { StreamRequest };
