// The app's services behind the contract. Runs the same in Electron's main process and in the
// browser-mode host: nothing here imports `electron`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONVERSATION_BUSY } from '../../shared/chat';
import type { Channel, DesktopPreferences, PdfExportResult, Req, Res } from '../../shared/contract';
import type { PortLike } from '../../shared/port/port';
import type { PlumeError } from '../../shared/provider-events';
import { createAdapter } from '../providers/registry';
import type { ProviderAdapter, ProviderCall } from '../providers/types';
import { exportChunks } from '../store/export/index';
import { isDiskFull } from '../store/disk-full';
import { narrowDataFolder } from '../store/file-modes';
import { importInSlices } from '../store/import/sliced';
import type { Store } from '../store/store';
import type { KeyVault } from '../settings/key-vault';
import { ProviderSettings } from '../settings/provider-settings';
import { ReplyRegistry } from '../stream/reply-registry';
import { runReplySession, type ReplyResult } from '../stream/reply-session';
import { ToolCallLog } from '../stream/tool-call-log';
import { AppSettingsStore } from './app-settings';
import { conversationHandlers } from './conversation-handlers';
import { McpServers } from '../mcp/servers';
import { mcpHandlers } from './mcp-handlers';
import { databaseHandlers } from './database-handlers';
import { DatabaseKeeper } from './database-keeper';
import { startDeletePurger } from './delete-purger';
import { DEFAULT_LOCAL_PROBES, type LocalProbe, localProbesFromEnv } from './local-detect';
import { providerHandlers } from './provider-handlers';
import { savedSecrets } from './provider-secrets';
import { DownloadShelf } from './download-shelf';
import { saveForDownload, type SaveExport } from './export-saving';
import { htmlToPdf } from './headless-pdf';
import { fetchImageAsDataUrl } from './remote-image';
import { prepareReply, replySaveFailure } from './reply-persistence';
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
  /** Saves a PDF of an HTML export file (the desktop app's printToPDF + save dialog); browser mode renders one to download. */
  savePdf?: (page: string, suggestedName: string) => Promise<PdfExportResult>;
  /** Where Markdown, JSON and HTML exports go (the desktop app's save dialog); browser mode offers them as downloads. */
  saveExport?: SaveExport;
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
  /** Browser mode's exports waiting for the page to download them. */
  readonly downloads: DownloadShelf;
}

export function createPlumeService(options: PlumeServiceOptions): PlumeService {
  const settings = new ProviderSettings(options.dataDir);
  const appSettings = new AppSettingsStore(options.dataDir);
  const localProbes = options.localProbes ?? localProbesFromEnv(process.env.PLUME_LOCAL_PROBES) ?? DEFAULT_LOCAL_PROBES;
  // Folders and files left readable to others by older versions are narrowed first. A folder
  // that cannot be changed (read-only disk, another owner) is reported by the keeper below.
  try {
    narrowDataFolder(options.dataDir);
  } catch {
    // The database open that follows fails with the reason and shows it on the recovery page.
  }
  const keeper = new DatabaseKeeper(options.dataDir);
  const store = keeper.store;
  const purger = startDeletePurger(() => store);
  const replies = new ReplyRegistry();
  const downloads = new DownloadShelf();
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
    ...databaseHandlers({ keeper, settings, appSettings, vault: options.vault, abortAll: () => abortAll(), forgetConversations: () => mcp.perConversation.clear() }),
    ...conversationHandlers(store, {
      exportChunks,
      saveExport: options.saveExport ?? saveForDownload(downloads),
      importFile: importInSlices,
      savePdf: options.savePdf ?? pdfForDownload(downloads),
      onDeleted: (id) => {
        // A deleted conversation's reply stops (its text so far is kept, for Undo).
        replies.abort(id);
        purger.deleted();
      },
      beforeImport: () => keeper.backup('before-import'),
      headerFacts: async () => {
        const names = new Map((await settings.list()).map((p) => [p.id, p.name]));
        return { providerName: (id) => names.get(id), prices: (await appSettings.get()).prices };
      },
    }),
    ...mcpHandlers(mcp),
  };

  async function startReply(request: unknown, port: PortLike) {
    const req = parseStreamRequest(request);
    if (!replies.claim(req.conversationId, port)) throw new InvalidInput(CONVERSATION_BUSY);
    const record = await settings.get(req.providerId);
    if (!record) throw new InvalidInput('That provider is not configured any more. Pick another one.');
    const { apiKey, headers } = await savedSecrets(options.vault, record);
    const adapter = createAdapter(record.kind, {
      baseURL: record.baseURL,
      apiKey,
      maxRetries: options.maxRetries ?? 2,
      ...(headers ? { headers } : {}),
      thinkTags: record.readThinkTags !== false,
    });
    const prepared = prepareReply(store, req);
    replies.placed(req.conversationId, prepared.placement.assistantMessageId);
    const call: ProviderCall = { model: req.model, messages: prepared.history };
    if (req.system) call.system = req.system;
    if (req.options) call.options = req.options;
    const { idleTimeoutSec, maxReplyMB, maxToolSteps } = await appSettings.get();
    const idleTimeoutMs = options.idleTimeoutMs ?? idleTimeoutSec * 1000;
    // The composer's choice is the conversation's from now on (a new chat stores it here first).
    if (req.toolServersOff) await mcp.perConversation.setOff(req.conversationId, req.toolServersOff);
    return { adapter, call, prepared, idleTimeoutMs, maxReplyMB, maxToolSteps };
  }

  function openStream(request: unknown, port: PortLike): void {
    replies.open(port);
    void startReply(request, port)
      .then(
        async ({ adapter, call, prepared, idleTimeoutMs, maxReplyMB, maxToolSteps }) => {
          const { checkpointer } = prepared;
          const tools = await mcp.replyTools(prepared.placement.conversationId, maxToolSteps);
          const toolLog = new ToolCallLog();
          const saveTools = () => {
            store.messages.setToolCalls(prepared.placement.assistantMessageId, toolLog.all);
            if (toolLog.notices.length) store.messages.setToolNotices(prepared.placement.assistantMessageId, toolLog.notices);
          };
          return runReplySession({
            ...(tools ? { tools } : {}),
            onToolTraffic: (traffic) => {
              if (toolLog.apply(traffic)) saveTools();
            },
            adapter,
            call,
            port,
            placement: prepared.placement,
            idleTimeoutMs,
            maxReplyMB,
            // The checkpointer throttles the writes and reads the sender's text only for one.
            onProgress: (sender) => checkpointer.updateFrom(sender),
            onFinish: (result) => {
              if (!checkpointer.finished) checkpointer.finish(result.outcome, result.text, result.reasoning);
              if (toolLog.all.length || toolLog.notices.length) saveTools();
            },
            saveFailure: replySaveFailure,
          });
        },
        // Setup failures travel on the reply's own port, like any other failure.
        (error: unknown) =>
          runReplySession({ adapter: failingAdapter(error), call: { model: '', messages: [] }, port, idleTimeoutMs: 60_000 }),
      )
      .then((result) => options.onReplyEnd?.(result))
      // Nothing above should throw; if it does, one reply is lost, never the whole app.
      .catch((error: unknown) => console.error('[plume] a reply ended with an unexpected error:', (error as Error)?.message ?? error))
      .finally(() => replies.release(port));
  }

  const abortAll = () => replies.abortAll();
  return {
    handlers,
    openStream,
    abortAll,
    store,
    downloads,
    closeMcp: () => mcp.closeAll(),
    close: () => {
      abortAll();
      downloads.clear();
      void mcp.closeAll();
      purger.close();
      keeper.close();
    },
  };
}

/** Browser mode: the PDF is printed into a private temp folder and shelved for the page's download. */
function pdfForDownload(shelf: DownloadShelf) {
  return async (page: string, filename: string): Promise<PdfExportResult> => {
    const folder = await mkdtemp(join(tmpdir(), 'plume-pdf-out-'));
    const path = join(folder, filename);
    try {
      await htmlToPdf(page, path);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw new InvalidInput((error as Error).message);
    }
    return { download: { url: shelf.put({ path, folder, filename, mimeType: 'application/pdf' }), filename } };
  };
}

/** An adapter that fails at once, so setup errors reach the window on the reply's own port. */
function failingAdapter(error: unknown): ProviderAdapter {
  const plume: PlumeError =
    error instanceof InvalidInput
      ? error.plume
      : isDiskFull(error)
        ? { kind: 'storage', message: 'Disk full — the message could not be saved; free space and send it again.' }
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
