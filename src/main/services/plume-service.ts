// The app's services behind the contract. Runs the same in Electron's main process and in the
// browser-mode host: nothing here imports `electron`.
import type { Channel, DesktopPreferences, PdfExportResult, Req, Res } from '../../shared/contract';
import type { PortLike } from '../../shared/port/port';
import type { PlumeError } from '../../shared/provider-events';
import { join } from 'node:path';
import { createAdapter } from '../providers/registry';
import type { ProviderAdapter, ProviderCall } from '../providers/types';
import { exportAll, exportConversation } from '../store/export/index';
import { importFile } from '../store/import/index';
import { openStore, type Store } from '../store/store';
import type { KeyVault } from '../settings/key-vault';
import { ProviderSettings } from '../settings/provider-settings';
import { runReplySession, type ReplyResult } from '../stream/reply-session';
import { ToolCallLog } from '../stream/tool-call-log';
import { AppSettingsStore } from './app-settings';
import { conversationHandlers } from './conversation-handlers';
import { McpServers } from '../mcp/servers';
import { mcpHandlers } from './mcp-handlers';
import { DEFAULT_LOCAL_PROBES, type LocalProbe, localProbesFromEnv } from './local-detect';
import { providerHandlers, readStoredHeaders } from './provider-handlers';
import { fetchImageAsDataUrl } from './remote-image';
import { prepareReply } from './reply-persistence';
import { InvalidInput, parseStreamRequest } from './request-validation';

export type Handlers = { [C in Channel]: (req: Req<C>) => Promise<Res<C>> };

export interface PlumeServiceOptions {
  dataDir: string;
  vault: KeyVault;
  mode: 'electron' | 'web';
  version: string;
  /** Opens a link in the system browser (Electron) — browser mode handles links in the page. */
  openExternal?: (url: string) => Promise<void>;
  /** Idle-stream watchdog, ms; when absent, the value from the settings screen. */
  idleTimeoutMs?: number;
  /** Loopback ports checked for a local model server at first run (default Ollama and LM Studio). */
  localProbes?: readonly LocalProbe[];
  /** SDK retries before the first byte of a reply. */
  maxRetries?: number;
  /** Called when a reply ends (the desktop app's notification). */
  onReplyEnd?: (result: ReplyResult) => void;
  /** Saves a PDF of an HTML export (the desktop app's printToPDF + save dialog). */
  savePdf?: (html: string, suggestedName: string) => Promise<PdfExportResult>;
  /** Desktop-only preferences; browser mode has none. */
  desktopPreferences?: {
    get(): Promise<DesktopPreferences>;
    set(change: Partial<DesktopPreferences>): Promise<DesktopPreferences>;
  };
}

export interface PlumeService {
  handlers: Handlers;
  /** Starts a reply on `port`; every outcome, including bad requests, arrives on the port. */
  openStream(request: unknown, port: PortLike): void;
  /** Aborts every reply still streaming (window closed, app quitting). */
  abortAll(): void;
  /** Aborts replies, stops MCP servers and closes the database. */
  close(): void;
  /** Stops every running MCP server (their processes end with the app). */
  closeMcp(): Promise<void>;
  readonly store: Store;
}

export function createPlumeService(options: PlumeServiceOptions): PlumeService {
  const settings = new ProviderSettings(options.dataDir);
  const appSettings = new AppSettingsStore(options.dataDir);
  const localProbes = options.localProbes ?? localProbesFromEnv(process.env.PLUME_LOCAL_PROBES) ?? DEFAULT_LOCAL_PROBES;
  const store = openStore(join(options.dataDir, 'plume.db'));
  const active = new Set<PortLike>();
  const mcp = new McpServers({ dataDir: options.dataDir, vault: options.vault });

  const handlers: Handlers = {
    'app:info': async () => ({
      version: options.version,
      mode: options.mode,
      versions: Object.fromEntries(Object.entries(process.versions).filter(([k]) => ['node', 'electron', 'chrome', 'v8'].includes(k))) as Record<string, string>,
      vault: options.vault.describe(),
    }),
    'vault:allowWithoutKeyring': async (req) => {
      if (!options.vault.allowStorageWithoutKeyring) throw new InvalidInput('Keys here are already protected without asking for consent.');
      await options.vault.allowStorageWithoutKeyring(req?.allowed === true);
      return options.vault.describe();
    },
    'preferences:desktop': async (req) => {
      const prefs = options.desktopPreferences;
      if (!prefs) return null;
      const change: Partial<DesktopPreferences> = {};
      if (typeof req?.notifyWhenReplyDone === 'boolean') change.notifyWhenReplyDone = req.notifyWhenReplyDone;
      return Object.keys(change).length ? prefs.set(change) : prefs.get();
    },
    ...providerHandlers({ settings, vault: options.vault, appSettings, localProbes }),
    'links:open': async ({ url }) => {
      const parsed = safeExternalUrl(url);
      if (!parsed) throw new InvalidInput('Only http, https and mailto links can be opened.');
      if (!options.openExternal) throw new InvalidInput('Links open from the page in browser mode.');
      await options.openExternal(parsed);
    },
    'images:fetch': async ({ url }) => fetchImageAsDataUrl(url),
    ...conversationHandlers(store, { exportConversation, exportAll, importFile, savePdf: options.savePdf }),
    ...mcpHandlers(mcp),
  };

  async function startReply(request: unknown) {
    const req = parseStreamRequest(request);
    const record = await settings.get(req.providerId);
    if (!record) throw new InvalidInput('That provider is not configured any more. Pick another one.');
    let apiKey: string | undefined;
    try {
      apiKey = await options.vault.get(record.id);
    } catch (error) {
      throw new InvalidInput((error as Error).message);
    }
    const headers = await readStoredHeaders(options.vault, record.id);
    const adapter = createAdapter(record.kind, { baseURL: record.baseURL, apiKey, maxRetries: options.maxRetries ?? 2, ...(headers ? { headers } : {}) });
    const prepared = prepareReply(store, req);
    const call: ProviderCall = { model: req.model, messages: prepared.history };
    if (req.system) call.system = req.system;
    if (req.options) call.options = req.options;
    const idleTimeoutMs = options.idleTimeoutMs ?? (await appSettings.get()).idleTimeoutSec * 1000;
    return { adapter, call, prepared, idleTimeoutMs };
  }

  function openStream(request: unknown, port: PortLike): void {
    active.add(port);
    port.onClose(() => active.delete(port));
    void startReply(request)
      .then(
        async ({ adapter, call, prepared, idleTimeoutMs }) => {
          const { checkpointer } = prepared;
          const tools = await mcp.replyTools(prepared.placement.conversationId);
          const toolLog = new ToolCallLog();
          const saveTools = () => store.messages.setToolCalls(prepared.placement.assistantMessageId, toolLog.all);
          const result = await runReplySession({
            ...(tools ? { tools } : {}),
            onToolTraffic: (traffic) => {
              if (toolLog.apply(traffic)) saveTools();
            },
            adapter,
            call,
            port,
            placement: prepared.placement,
            idleTimeoutMs,
            // The checkpointer throttles the writes and reads the sender's text only for one.
            onProgress: (sender) => checkpointer.updateFrom(sender),
          });
          if (!checkpointer.finished) checkpointer.finish(result.outcome, result.text, result.reasoning);
          if (toolLog.all.length) saveTools();
          return result;
        },
        // Setup failures travel on the reply's own port, like any other failure.
        (error: unknown) =>
          runReplySession({ adapter: failingAdapter(error), call: { model: '', messages: [] }, port, idleTimeoutMs: 60_000 }),
      )
      .then((result) => options.onReplyEnd?.(result))
      .finally(() => active.delete(port));
  }

  const abortAll = () => {
    for (const port of active) port.close();
    active.clear();
  };
  return {
    handlers,
    openStream,
    abortAll,
    store,
    closeMcp: () => mcp.closeAll(),
    close: () => {
      abortAll();
      void mcp.closeAll();
      store.close();
    },
  };
}

/** An adapter that fails at once, so setup errors reach the window on the reply's own port. */
function failingAdapter(error: unknown): ProviderAdapter {
  const plume: PlumeError =
    error instanceof InvalidInput
      ? error.plume
      : { kind: 'unknown', message: `Could not start the reply: ${(error as Error)?.message ?? String(error)}` };
  return {
    // eslint-disable-next-line require-yield
    async *stream() {
      throw Object.assign(new Error(plume.message), { plume });
    },
  };
}

export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
