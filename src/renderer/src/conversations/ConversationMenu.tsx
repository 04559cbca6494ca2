import { Download, FileUp } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import type { ExportFormat } from '../../../shared/conversations';
import { bridge } from '../bridge';
import type { MenuGroup } from '../shell/Menu';
import { printHtml, saveFile } from './transfer';

interface Props {
  conversationId: string | null;
  onNotice(text: string): void;
  onImported(): void;
}

type Scope = 'one' | 'all';

const FORMATS: readonly [ExportFormat | 'pdf', string][] = [
  ['markdown', 'Markdown'],
  ['json', 'JSON (lossless)'],
  ['html', 'HTML'],
  ['pdf', 'PDF (print)'],
];

/**
 * Export this conversation or all of them, or import a file (Plume, ChatGPT or Claude export), as
 * groups of the header's overflow menu, plus the hidden file input the import reads from.
 */
export function useTransferMenu({ conversationId, onNotice, onImported }: Props): { groups: MenuGroup[]; fileInput: ReactNode } {
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (scope: Scope, format: ExportFormat | 'pdf') => {
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

  /** The same formats for one conversation and for all of them. */
  const formatItems = (scope: Scope) =>
    FORMATS.map(([format, label]) => ({ label: `${scope === 'one' ? 'Export chat as' : 'Export all as'} ${label}`, icon: Download, onSelect: () => void run(scope, format) }));

  const groups: MenuGroup[] = [
    ...(conversationId ? [{ label: 'This conversation', items: formatItems('one') }] : []),
    { label: 'All conversations', items: [...formatItems('all'), { label: 'Import a file…', icon: FileUp, onSelect: () => fileInput.current?.click() }] },
  ];

  return {
    groups,
    fileInput: (
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
    ),
  };
}
