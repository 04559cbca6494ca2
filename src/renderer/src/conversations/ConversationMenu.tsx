import { Download, FileUp } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import type { ExportFormat } from '../../../shared/conversations';
import { bridge } from '../bridge';
import type { MenuGroup } from '../shell/Menu';
import { useCommand } from '../shell/use-command';
import { clearSelection, useSelection } from './selection';
import { finishExport } from './transfer';
import { ImportStatus } from './ImportStatus';
import { useImport } from './use-import';

interface Props {
  conversationId: string | null;
  onNotice(text: string): void;
  onImported(): void;
}

type Scope = 'one' | 'selected' | 'all';
type Kind = ExportFormat | 'pdf' | 'markdown-branches' | 'html-branches' | 'html-stats';

const FORMATS: readonly [Kind, string][] = [
  ['markdown', 'Markdown'],
  ['json', 'JSON (lossless)'],
  ['html', 'HTML'],
  ['pdf', 'PDF'],
  ['markdown-branches', 'Markdown, every branch'],
  ['html-branches', 'HTML, every branch'],
  ['html-stats', 'HTML with speed, tokens and cost'],
];

/**
 * Export this conversation or all of them, or import a file (Plume, ChatGPT or Claude export), as
 * groups of the header's overflow menu, plus the hidden file input the import reads from.
 */
export function useTransferMenu({ conversationId, onNotice, onImported }: Props): { groups: MenuGroup[]; fileInput: ReactNode } {
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = useSelection();
  const imports = useImport();
  // The Import command (palette, shortcut, native menu) opens the same file picker as the menu item.
  useCommand('import', () => fileInput.current?.click());

  const run = async (scope: Scope, kind: Kind) => {
    const ids = scope === 'one' && conversationId ? [conversationId] : scope === 'selected' ? [...selected] : undefined;
    const branches = kind.endsWith('-branches') ? 'all' : 'shown';
    const stats = kind.endsWith('-stats');
    try {
      if (kind === 'pdf') {
        onNotice('Making the PDF…');
        // The desktop app saves through its own dialog; browser mode gets the file to download.
        const pdf = await bridge.invoke('export:pdf', { ids, branches });
        onNotice(finishExport(pdf));
        return;
      }
      const format = kind.replace(/-(branches|stats)$/, '') as ExportFormat;
      onNotice(finishExport(await bridge.invoke('export:all', { format, ids, branches, stats })));
      if (scope === 'selected') clearSelection();
    } catch (error) {
      onNotice((error as Error).message);
    }
  };

  /** The same formats for this conversation, the selected ones and all of them. */
  const formatItems = (scope: Scope) =>
    FORMATS.map(([kind, label]) => ({
      label: `${scope === 'one' ? 'Export chat as' : scope === 'selected' ? `Export ${selected.length} selected as` : 'Export all as'} ${label}`,
      icon: Download,
      onSelect: () => void run(scope, kind),
    }));

  const groups: MenuGroup[] = [
    ...(conversationId ? [{ label: 'This conversation', items: formatItems('one') }] : []),
    ...(selected.length > 0 ? [{ label: `${selected.length} selected conversation${selected.length === 1 ? '' : 's'}`, items: formatItems('selected') }] : []),
    { label: 'All conversations', items: [...formatItems('all'), { label: 'Import a file…', icon: FileUp, onSelect: () => fileInput.current?.click() }] },
  ];

  return {
    groups,
    fileInput: (
      <>
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
    ),
  };
}
