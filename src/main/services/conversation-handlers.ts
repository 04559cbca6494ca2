// The conversation channels of the contract, over the store. Inputs are checked here because they
// come from the window; the store's own errors carry messages a person can read.
import type { Handlers } from './plume-service';
import type { ExportChoices, PdfExportResult } from '../../shared/contract';
import type { ExportFormat } from '../../shared/conversations';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportOptions, exportChunks } from '../store/export/index';
import { writeExportFile } from './export-to-disk';
import { ImportCancelled, type importInSlices } from '../store/import/sliced';
import type { Store } from '../store/store';
import type { SaveExport } from './export-saving';
import { ImportJobs } from './import-jobs';
import { InvalidInput, parseOptions } from './request-validation';

type ConversationChannels = Pick<
  Handlers,
  | 'conversations:list'
  | 'conversations:create'
  | 'conversations:open'
  | 'conversations:rename'
  | 'conversations:pin'
  | 'conversations:delete'
  | 'conversations:undoDelete'
  | 'conversations:setModel'
  | 'messages:switchBranch'
  | 'messages:deleteBranch'
  | 'messages:select'
  | 'messages:older'
  | 'search:query'
  | 'attachments:content'
  | 'export:conversation'
  | 'export:all'
  | 'export:pdf'
  | 'import:file'
  | 'import:progress'
  | 'import:cancel'
>;

interface Exporters {
  exportChunks: typeof exportChunks;
  /** Writes an export to disk as it is produced: where the user chose (desktop) or for download (browser mode). */
  saveExport: SaveExport;
  importFile: typeof importInSlices;
  /** Turns an HTML export file into a PDF: printToPDF + save dialog (desktop), headless Chromium (browser mode). */
  savePdf: (page: string, suggestedName: string) => Promise<PdfExportResult>;
  /** After a soft delete: the conversation is erased once the Undo window has passed. */
  onDeleted?: (id: string) => void;
  /** Takes a backup before an import writes anything. */
  beforeImport?: () => void;
  /** Provider names and prices for the message headers, read fresh for each export. */
  headerFacts?: () => Promise<Pick<ExportOptions, 'providerName' | 'prices'>>;
}

const FORMATS: readonly ExportFormat[] = ['markdown', 'json', 'html'];
const MAX_SYSTEM_CHARS = 100_000;
/** A ChatGPT export of years of use is tens of MB; beyond this something is wrong. */
const MAX_IMPORT_CHARS = 200 * 1024 * 1024;

export function conversationHandlers(store: Store, io: Exporters): ConversationChannels {
  const choices = async (req: ExportChoices | undefined): Promise<ExportOptions> => ({
    ...(await io.headerFacts?.()),
    branches: req?.branches === 'all' ? 'all' : 'shown',
    stats: req?.stats === true,
  });
  const imports = new ImportJobs();
  return {
    'conversations:list': async (req) => store.conversations.list({ limit: clampLimit(req?.limit, 200), after: str(req?.after) ?? null }),
    'conversations:create': async (req) => store.conversations.create({ providerId: str(req?.providerId) ?? null, model: str(req?.model) ?? null }),
    'conversations:open': async (req) => {
      const id = requireId(req?.id);
      const last = Number.isSafeInteger(req.last) && (req.last as number) > 0 ? (req.last as number) : -1;
      return { conversation: store.conversations.require(id), ...store.messages.activePathTail(id, last) };
    },
    'conversations:rename': async (req) => {
      const title = typeof req?.title === 'string' ? req.title.trim() : '';
      if (title === '') throw new InvalidInput('A title cannot be empty.');
      return store.conversations.rename(requireId(req.id), title.slice(0, 200));
    },
    'conversations:pin': async (req) => store.conversations.setPinned(requireId(req?.id), req.pinned === true),
    'conversations:delete': async (req) => {
      const id = requireId(req?.id);
      store.conversations.softDelete(id);
      io.onDeleted?.(id);
    },
    'conversations:undoDelete': async (req) => store.conversations.undoDelete(requireId(req?.id)),
    'conversations:setModel': async (req) => {
      const id = requireId(req?.id);
      if (typeof req.system === 'string') store.conversations.setSystemPrompt(id, req.system.slice(0, MAX_SYSTEM_CHARS));
      return store.conversations.setModel(id, requireId(req.providerId), requireId(req.model), parseOptions(req.options));
    },
    'messages:switchBranch': async (req) => {
      if (!Number.isSafeInteger(req?.index)) throw new InvalidInput('No such branch.');
      return store.messages.switchSibling(requireId(req.messageId), req.index);
    },
    'messages:deleteBranch': async (req) => store.messages.deleteBranch(requireId(req?.messageId)),
    'messages:select': async (req) => store.messages.select(requireId(req?.messageId)),
    'messages:older': async (req) => store.messages.ancestors(requireId(req?.messageId), clampLimit(req.limit, 500)),
    'search:query': async (req) => (typeof req?.query === 'string' ? store.search(req.query, { limit: clampLimit(req.limit, 50) }) : []),
    'attachments:content': async (req) => {
      const sha256 = typeof req?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(req.sha256) ? req.sha256 : null;
      const found = sha256 ? store.attachments.content(sha256) : null;
      if (!found) throw new InvalidInput('That file is no longer stored.');
      return { mimeType: found.mimeType, data: Buffer.from(found.data).toString('base64') };
    },
    'export:conversation': async (req) => io.saveExport(io.exportChunks(store, [requireId(req?.id)], requireFormat(req.format), Date.now(), await choices(req))),
    'export:all': async (req) => {
      const format = requireFormat(req?.format);
      return io.saveExport(io.exportChunks(store, idList(req.ids), format, Date.now(), await choices(req)));
    },
    'export:pdf': async (req) => {
      // The PDF is the print-ready HTML export: same content, same escaping, no scripts.
      const o = await choices(req);
      const ids = typeof req?.id === 'string' ? [requireId(req.id)] : idList(req?.ids);
      const html = io.exportChunks(store, ids, 'html', Date.now(), o);
      // Written to a private temp file conversation by conversation, like every other export.
      const folder = await mkdtemp(join(tmpdir(), 'plume-pdf-'));
      try {
        const page = join(folder, 'export.html');
        await writeExportFile(html.chunks, page);
        return await io.savePdf(page, html.filename.replace(/\.html$/, '.pdf'));
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    'import:file': async (req) => {
      if (typeof req?.text !== 'string' || req.text.trim() === '') throw new InvalidInput('The file is empty.');
      if (req.text.length > MAX_IMPORT_CHARS) throw new InvalidInput('The file is too large to import (over 200 MB).');
      io.beforeImport?.();
      const text = req.text;
      const jobId = typeof req.jobId === 'string' && req.jobId !== '' ? req.jobId : undefined;
      try {
        return await imports.run(jobId, (job) => io.importFile(store, text, job));
      } catch (error) {
        if (error instanceof ImportCancelled) throw new InvalidInput(error.message);
        throw new InvalidInput(`Nothing was imported: ${(error as Error).message}`);
      }
    },
    'import:progress': async (req) => imports.progress(requireId(req?.jobId)),
    'import:cancel': async (req) => imports.cancel(requireId(req?.jobId)),
  };
}

/** A sidebar selection: ids only, at most what a sidebar can hold; null when absent. */
function idList(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0 || value.length > 100_000) throw new InvalidInput('Choose the conversations to export.');
  return value.map(requireId);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function requireId(value: unknown): string {
  const id = str(value);
  if (!id) throw new InvalidInput('Something is missing from the request.');
  return id;
}

function requireFormat(value: unknown): ExportFormat {
  if (!FORMATS.includes(value as ExportFormat)) throw new InvalidInput(`Unknown export format "${String(value)}".`);
  return value as ExportFormat;
}

function clampLimit(value: unknown, max: number): number {
  return Number.isSafeInteger(value) ? Math.min(max, Math.max(1, value as number)) : max;
}
