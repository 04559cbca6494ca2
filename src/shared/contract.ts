// The one contract between the window and main. Preload, the browser-mode bridge, the Electron
// wiring, the web host and the tests all derive from this file, so a channel that is not listed
// here cannot be called from anywhere.
import type { StreamRequest } from './chat';
import type {
  ConversationSummary,
  ExportedFile,
  ExportFormat,
  ImportResult,
  PathMessage,
  SearchHit,
} from './conversations';
import type { GenerationOptions } from './chat';
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

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface OpenedConversation {
  conversation: ConversationSummary;
  /** The active path, root to leaf. */
  path: PathMessage[];
}

/** Request/response channels. Each entry types `invoke` in the page and `handle` in main. */
export interface Channels {
  'app:info': { req: void; res: AppInfo };
  'providers:list': { req: void; res: ProviderView[] };
  'providers:save': { req: ProviderInput; res: SavedProvider };
  'providers:remove': { req: { id: string }; res: void };
  'links:open': { req: { url: string }; res: void };
  'conversations:list': { req: { after?: string | null; limit?: number }; res: ConversationPage };
  'conversations:create': { req: { providerId: string | null; model: string | null }; res: ConversationSummary };
  'conversations:open': { req: { id: string }; res: OpenedConversation };
  'conversations:rename': { req: { id: string; title: string }; res: ConversationSummary };
  'conversations:pin': { req: { id: string; pinned: boolean }; res: ConversationSummary };
  'conversations:delete': { req: { id: string }; res: void };
  'conversations:undoDelete': { req: { id: string }; res: ConversationSummary };
  'conversations:setModel': {
    req: { id: string; providerId: string; model: string; options?: GenerationOptions };
    res: ConversationSummary;
  };
  'messages:switchBranch': { req: { messageId: string; index: number }; res: PathMessage[] };
  'messages:deleteBranch': { req: { messageId: string }; res: PathMessage[] };
  'search:query': { req: { query: string; limit?: number }; res: SearchHit[] };
  'export:conversation': { req: { id: string; format: ExportFormat }; res: ExportedFile };
  'export:all': { req: { format: ExportFormat }; res: ExportedFile };
  'import:file': { req: { text: string }; res: ImportResult };
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
  'conversations:list': true,
  'conversations:create': true,
  'conversations:open': true,
  'conversations:rename': true,
  'conversations:pin': true,
  'conversations:delete': true,
  'conversations:undoDelete': true,
  'conversations:setModel': true,
  'messages:switchBranch': true,
  'messages:deleteBranch': true,
  'search:query': true,
  'export:conversation': true,
  'export:all': true,
  'import:file': true,
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
