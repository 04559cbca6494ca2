import { useRef } from 'react';
import type { ExportFormat } from '../../../shared/conversations';
import { bridge } from '../bridge';
import { ImportStatus } from './ImportStatus';
import { printHtml, saveFile } from './transfer';
import { useImport } from './use-import';

interface Props {
  conversationId: string | null;
  onNotice(text: string): void;
  onImported(): void;
}

type Choice = `${'one' | 'all'}:${ExportFormat | 'pdf'}` | 'import';

const FORMATS: readonly [ExportFormat | 'pdf', string][] = [
  ['markdown', 'Markdown'],
  ['json', 'JSON (lossless)'],
  ['html', 'HTML'],
  ['pdf', 'PDF (print)'],
];

/** Export this conversation or all of them, or import a file (Plume, ChatGPT or Claude export). */
export function ConversationMenu({ conversationId, onNotice, onImported }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const imports = useImport();

  const run = async (choice: Choice) => {
    if (choice === 'import') return fileInput.current?.click();
    const [scope, format] = choice.split(':') as ['one' | 'all', ExportFormat | 'pdf'];
    try {
      const id = scope === 'one' && conversationId ? conversationId : null;
      if (format === 'pdf') {
        // The desktop app prints to a file itself; browser mode prints the HTML export.
        const pdf = await bridge.invoke('export:pdf', id ? { id } : {});
        if (pdf && 'saved' in pdf) onNotice(`Saved ${pdf.saved}`);
        if (pdf) return;
      }
      const asFormat: ExportFormat = format === 'pdf' ? 'html' : format;
      const file = id
        ? await bridge.invoke('export:conversation', { id, format: asFormat })
        : await bridge.invoke('export:all', { format: asFormat });
      if (format === 'pdf') printHtml(file);
      else saveFile(file);
    } catch (error) {
      onNotice((error as Error).message);
    }
  };

  return (
    <>
      <select
        aria-label="Export or import"
        value=""
        onChange={(event) => {
          const value = event.target.value as Choice;
          event.target.value = '';
          void run(value);
        }}
      >
        <option value="" disabled>Export…</option>
        {conversationId && (
          <optgroup label="This conversation">{formatOptions('one')}</optgroup>
        )}
        <optgroup label="All conversations">{formatOptions('all')}</optgroup>
        <option value="import">Import a file…</option>
      </select>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Import conversations file"
        hidden
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          try {
            const result = await imports.importFile(file);
            onNotice(`Imported ${result.imported} conversation${result.imported === 1 ? '' : 's'} from a ${result.format} export` + (result.skipped ? ` (${result.skipped} already here).` : '.'));
            onImported();
          } catch (error) {
            onNotice((error as Error).message);
          }
        }}
      />
      {imports.running && <ImportStatus running={imports.running} />}
    </>
  );
}

/** The same formats for one conversation and for all of them. */
function formatOptions(scope: 'one' | 'all') {
  return FORMATS.map(([format, label]) => <option key={format} value={`${scope}:${format}` satisfies Choice}>{label}</option>);
}
