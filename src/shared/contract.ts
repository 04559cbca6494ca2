// The one contract between the window and main. Preload, the browser-mode bridge, the Electron
// wiring, the web host and the tests all derive from this file, so a channel that is not listed
// here cannot be called from anywhere.
import type { StreamRequest } from './chat';
import type {
  ConversationSummary,
  ExportFormat,
  ImportJobProgress,
  ImportResult,
  PathMessage,
  SearchHit,
} from './conversations';
import type { GenerationOptions } from './chat';
import type { PlumeError } from './provider-events';
import type { AppSettings } from './settings';
import type { ContextWindowInfo } from './context-window';
import type { McpServerInput, McpServerView, McpToolPolicy } from './mcp';

export type ProviderKind = 'openai' | 'anthropic';

/** What the renderer may know about a provider: never the key itself. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  model: string;
  hasKey: boolean;
  /** e.g. `…a1b2` (keys of 16+ characters only, else `••••`); null when no key is set. */
  keyHint: string | null;
  /** A key was saved but cannot be read (damaged vault, other host): it must be entered again. */
  keyUnreadable?: boolean;
  /** The preset it was made from, when known. */
  presetId?: string;
  /** Names of the extra headers sent (their values may be secrets and stay in main). */
  headerNames?: string[];
  /** False when `<think>…</think>` in replies is text, not reasoning (OpenAI-compatible only). */
  readThinkTags?: boolean;
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
  presetId?: string;
  /** Extra HTTP headers (custom gateways). Undefined keeps the stored ones; {} removes them. */
  headers?: Record<string, string>;
  /** Undefined keeps the stored choice (on by default). */
  readThinkTags?: boolean;
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
  /** How API keys are protected on this machine. */
  vault: VaultDescription;
}

export interface VaultDescription {
  /** e.g. 'aes-gcm-file', 'safe-storage:gnome_libsecret' */
  backend: string;
  /** One or two sentences for the settings screen about how keys are protected here. */
  note: string;
  /** False when keys cannot be saved here (no keyring and no consent, no encryption at all). */
  canStore: boolean;
  /** True when the user may consent to weakly protected keys (Linux without a keyring). */
  canOptIn: boolean;
  /** Set when the saved keys could not be read (a damaged vault file, kept aside): what to do. */
  problem?: string;
}

/** Preferences that exist only in the desktop app. */
export interface DesktopPreferences {
  /** A desktop notification when a long reply finishes while the window is in the background. */
  notifyWhenReplyDone: boolean;
}

/**
 * Exports are written to disk by main, never handed over as one string. Desktop: saved through
 * the native dialog, or cancelled. Browser mode: a one-time address on the host that streams the
 * file as a download.
 */
export type ExportResult = { saved: string } | { cancelled: true } | { download: { url: string; filename: string } };

/** A PDF arrives the same way as any other export. */
export type PdfExportResult = ExportResult;

/** How a readable export (Markdown, HTML, PDF) is made; JSON always keeps every branch. */
export interface ExportChoices {
  /** 'shown' (default): the branch on screen; 'all': every version, each labelled. */
  branches?: 'shown' | 'all';
  /** Adds TTFT, tokens and estimated cost to each reply's header. */
  stats?: boolean;
}

/** A copy of the conversation database (Settings → Backups). */
export interface BackupView {
  name: string;
  /** Why it was taken: 'manual', 'before-import', 'before-upgrade-v4', 'before-restore'. */
  reason: string;
  takenAt: number;
  size: number;
}

/** The conversation database as Settings and the start-up recovery page show it. */
export interface DatabaseStatus {
  /** 'ok', or why conversations cannot be opened right now (the file is never overwritten). */
  state: 'ok' | 'damaged' | 'newer' | 'unwritable' | 'failed';
  /** What is wrong, in plain words; null when nothing is. */
  problem: string | null;
  /** What the user can do about it. */
  remedy: string | null;
  /** Things done at start the user should know, e.g. a journal that did not belong set aside. */
  notices: string[];
  /** The check of every page run after start: 'running', 'ok', or what it found. */
  check: string;
  /** Set when conversations are open for reading only — a damaged file opened on request, or a full disk at start: why, and what to do. */
  readOnly?: string;
  path: string;
  backupDir: string;
  /** Newest first. */
  backups: BackupView[];
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface OpenedConversation {
  conversation: ConversationSummary;
  /** The active path, root to leaf; only its newest `last` messages when the request set `last`. */
  path: PathMessage[];
  /** How many messages the whole active path has (more than `path.length` when it was cut). */
  total: number;
}

/** Request/response channels. Each entry types `invoke` in the page and `handle` in main. */
export interface Channels {
  'app:info': { req: void; res: AppInfo };
  'providers:list': { req: void; res: ProviderView[] };
  'providers:save': { req: ProviderInput; res: SavedProvider };
  'providers:remove': { req: { id: string }; res: void };
  'links:open': { req: { url: string }; res: void };
  /** Linux without a keyring: the user's explicit consent (or its withdrawal) to store keys anyway. */
  'vault:allowWithoutKeyring': { req: { allowed: boolean }; res: VaultDescription };
  /** Reads (empty request) or changes desktop preferences; null in browser mode, which has none. */
  'preferences:desktop': { req: Partial<DesktopPreferences>; res: DesktopPreferences | null };
  /** A remote image the reader clicked, fetched by main; the page's CSP allows no remote origin. */
  'images:fetch': { req: { url: string }; res: { dataUrl: string } };
  'conversations:list': { req: { after?: string | null; limit?: number }; res: ConversationPage };
  'conversations:create': { req: { providerId: string | null; model: string | null }; res: ConversationSummary };
  /** `last`: only the newest messages of the path, so a long conversation paints at once. */
  'conversations:open': { req: { id: string; last?: number }; res: OpenedConversation };
  'conversations:rename': { req: { id: string; title: string }; res: ConversationSummary };
  'conversations:pin': { req: { id: string; pinned: boolean }; res: ConversationSummary };
  'conversations:delete': { req: { id: string }; res: void };
  'conversations:undoDelete': { req: { id: string }; res: ConversationSummary };
  'conversations:setModel': {
    /** `system` is the conversation's system prompt; left out, it stays as it is. */
    req: { id: string; providerId: string; model: string; options?: GenerationOptions; system?: string };
    res: ConversationSummary;
  };
  'messages:switchBranch': { req: { messageId: string; index: number }; res: PathMessage[] };
  'messages:deleteBranch': { req: { messageId: string }; res: PathMessage[] };
  /** Makes the branch through this message the active one (a search hit on another version). */
  'messages:select': { req: { messageId: string }; res: PathMessage[] };
  /** Up to `limit` messages just above `messageId` on its path, root-most first (the older part of a long conversation). */
  'messages:older': { req: { messageId: string; limit?: number }; res: PathMessage[] };
  'search:query': { req: { query: string; limit?: number }; res: SearchHit[] };
  /** A stored attachment's bytes (base64), by the SHA-256 its view carries: for the preview. */
  'attachments:content': { req: { sha256: string }; res: { mimeType: string; data: string } };
  'export:conversation': { req: { id: string; format: ExportFormat } & ExportChoices; res: ExportResult };
  /** Every live conversation, or only `ids` (chosen in the sidebar), in one file. */
  'export:all': { req: { format: ExportFormat; ids?: string[] } & ExportChoices; res: ExportResult };
  /**
   * PDF of the HTML export: the desktop app prints it with printToPDF and a save dialog, browser
   * mode renders it with a headless Chromium and returns the file. `id`/`ids` absent: all.
   */
  'export:pdf': { req: { id?: string; ids?: string[] } & ExportChoices; res: PdfExportResult };
  /** `jobId`, chosen by the window, lets it ask for progress and cancel while this call runs. */
  'import:file': { req: { text: string; jobId?: string }; res: ImportResult };
  'import:progress': { req: { jobId: string }; res: ImportJobProgress | null };
  'import:cancel': { req: { jobId: string }; res: void };
  'database:status': { req: void; res: DatabaseStatus };
  'database:backup': { req: void; res: DatabaseStatus };
  /** Restores `name` (the newest backup when absent); the current file is kept aside first. */
  'database:restore': { req: { name?: string }; res: DatabaseStatus };
  /** After damage: sets the file aside (kept, never deleted) and starts an empty database. */
  'database:startFresh': { req: void; res: DatabaseStatus };
  /** After damage: opens the file as it is, read-only (nothing in it changes), to read and export. */
  'database:openReadOnly': { req: void; res: DatabaseStatus };
  /** Erases every conversation, backup, provider, key and setting. `confirm` must be 'erase'. */
  'data:eraseAll': { req: { confirm: string }; res: void };
  'providers:presets': { req: void; res: ProviderPresetView[] };
  'providers:models': { req: ProviderProbe; res: ModelList };
  /** The model's context window (from the provider where it says so); null when unknown. */
  'providers:contextWindow': { req: { providerId: string; model: string }; res: ContextWindowInfo | null };
  'providers:test': { req: ProviderProbe; res: ConnectionResult };
  'providers:detectLocal': { req: void; res: LocalServer[] };
  'providers:useLocal': { req: { baseURL: string }; res: SavedProvider };
  'settings:get': { req: void; res: AppSettings };
  'settings:save': { req: Partial<AppSettings>; res: AppSettings };
  'mcp:list': { req: void; res: McpServerView[] };
  'mcp:save': { req: McpServerInput; res: McpServerView };
  'mcp:remove': { req: { id: string }; res: void };
  /** Approves running a local server's command exactly as shown (its view's consent fingerprint). */
  'mcp:consent': { req: { id: string; fingerprint: string }; res: McpServerView };
  /** (Re)starts a server now; answers once it is ready or has failed. */
  'mcp:restart': { req: { id: string }; res: McpServerView };
  /** Switches a tool on or off, or sets its policy (ask / allow / deny). */
  'mcp:setTool': { req: { id: string; tool: string; enabled?: boolean; policy?: McpToolPolicy }; res: McpServerView };
  /** The servers whose tools a conversation does not offer (none switched off: every enabled one). */
  'mcp:conversationServers': { req: { conversationId: string }; res: { off: string[] } };
  'mcp:setConversationServers': { req: { conversationId: string; off: string[] }; res: { off: string[] } };
}

/** A preset as the settings screen shows it: fills kind and base URL, says if a key is needed. */
export interface ProviderPresetView {
  id: string;
  label: string;
  kind: ProviderKind;
  defaultBaseURL: string;
  needsKey: boolean;
  local: boolean;
  extraHeaders: boolean;
  hint: string;
}

/**
 * Which provider to list models of or test. `id` alone is a saved provider; the other fields
 * describe settings not saved yet, and with an `id` they override the saved ones (the stored
 * key is used when `apiKey` is absent, so an edit can be tested without retyping the key).
 */
export interface ProviderProbe {
  id?: string;
  kind?: ProviderKind;
  baseURL?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** Models of a saved provider are cached in main; true asks the provider again. */
  refresh?: boolean;
}

export interface ModelList {
  models: string[];
  /** True when the list came from main's cache rather than a fresh request. */
  cached: boolean;
}

export type ConnectionResult =
  | { ok: true; modelCount: number; models: string[] }
  | { ok: false; error: PlumeError };

/** A model server found answering on this machine (Ollama, LM Studio) at first run. */
export interface LocalServer {
  presetId: string;
  label: string;
  baseURL: string;
  models: string[];
}

export type Channel = keyof Channels;
export type Req<C extends Channel> = Channels[C]['req'];
export type Res<C extends Channel> = Channels[C]['res'];

/** The allow-list. `satisfies` keeps it in step with `Channels` at compile time. */
const CHANNELS = {
  'app:info': true,
  'providers:list': true,
  'providers:save': true,
  'providers:remove': true,
  'links:open': true,
  'vault:allowWithoutKeyring': true,
  'preferences:desktop': true,
  'images:fetch': true,
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
  'messages:select': true,
  'messages:older': true,
  'search:query': true,
  'attachments:content': true,
  'export:conversation': true,
  'export:all': true,
  'export:pdf': true,
  'import:file': true,
  'database:status': true,
  'database:backup': true,
  'database:restore': true,
  'database:startFresh': true,
  'database:openReadOnly': true,
  'data:eraseAll': true,
  'import:progress': true,
  'import:cancel': true,
  'providers:presets': true,
  'providers:models': true,
  'providers:contextWindow': true,
  'providers:test': true,
  'providers:detectLocal': true,
  'providers:useLocal': true,
  'settings:get': true,
  'settings:save': true,
  'mcp:list': true,
  'mcp:save': true,
  'mcp:remove': true,
  'mcp:consent': true,
  'mcp:restart': true,
  'mcp:setTool': true,
  'mcp:conversationServers': true,
  'mcp:setConversationServers': true,
} as const satisfies Record<Channel, true>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(CHANNELS, name);
}

/** Fixed IPC names used by the Electron wiring (Electron Fiddle's one-enum pattern). */
export const IpcEvent = {
  invoke: 'plume:invoke',
  openStream: 'plume:open-stream',
  streamPort: 'plume:stream-port',
  /** Main → page: a native menu command (see app-commands.ts). */
  command: 'plume:command',
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
  /** Browser mode: sends an import file as an upload instead of a string in an RPC body. */
  importFile?(file: Blob, jobId: string): Promise<ImportResult>;
}

export type { StreamRequest };
export type { AppSettings };
