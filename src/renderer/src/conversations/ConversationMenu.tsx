import { useRef } from 'react';
import type { ExportFormat } from '../../../shared/conversations';
import { bridge } from '../bridge';
import { clearSelection, useSelection } from './selection';
import { saveBase64, saveFile } from './transfer';

interface Props {
  conversationId: string | null;
  onNotice(text: string): void;
  onImported(): void;
}

type Scope = 'one' | 'selected' | 'all';
type Kind = ExportFormat | 'pdf' | 'markdown-branches' | 'html-branches' | 'html-stats';
type Choice = `${Scope}:${Kind}` | 'import';

const FORMATS: readonly [Kind, string][] = [
  ['markdown', 'Markdown'],
  ['json', 'JSON (lossless, every branch)'],
  ['html', 'HTML'],
  ['pdf', 'PDF'],
  ['markdown-branches', 'Markdown, every branch'],
  ['html-branches', 'HTML, every branch'],
  ['html-stats', 'HTML with speed, tokens and cost'],
];

/** Export this conversation or all of them, or import a file (Plume, ChatGPT or Claude export). */
export function ConversationMenu({ conversationId, onNotice, onImported }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = useSelection();

  const run = async (choice: Choice) => {
    if (choice === 'import') return fileInput.current?.click();
    const [scope, kind] = choice.split(':') as [Scope, Kind];
    const ids = scope === 'one' && conversationId ? [conversationId] : scope === 'selected' ? [...selected] : undefined;
    const branches = kind.endsWith('-branches') ? 'all' : 'shown';
    const stats = kind.endsWith('-stats');
    try {
      if (kind === 'pdf') {
        onNotice('Making the PDF…');
        // The desktop app saves through its own dialog; browser mode gets the file to download.
        const pdf = await bridge.invoke('export:pdf', { ids, branches });
        if ('saved' in pdf) onNotice(`Saved ${pdf.saved}`);
        else if ('file' in pdf) {
          saveBase64(pdf.file.filename, pdf.file.base64, 'application/pdf');
          onNotice(`Downloaded ${pdf.file.filename}`);
        } else onNotice('PDF export cancelled.');
        return;
      }
      const format = kind.replace(/-(branches|stats)$/, '') as ExportFormat;
      saveFile(await bridge.invoke('export:all', { format, ids, branches, stats }));
      if (scope === 'selected') clearSelection();
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
        {selected.length > 0 && (
          <optgroup label={`${selected.length} selected conversation${selected.length === 1 ? '' : 's'}`}>{formatOptions('selected')}</optgroup>
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
            const result = await bridge.invoke('import:file', { text: await file.text() });
            onNotice(`Imported ${result.imported} conversation${result.imported === 1 ? '' : 's'} from a ${result.format} export` + (result.skipped ? ` (${result.skipped} already here).` : '.'));
            onImported();
          } catch (error) {
            onNotice((error as Error).message);
          }
        }}
      />
    </>
  );
}

/** The same formats for one conversation and for all of them. */
function formatOptions(scope: Scope) {
  return FORMATS.map(([format, label]) => <option key={format} value={`${scope}:${format}` satisfies Choice}>{label}</option>);
}
