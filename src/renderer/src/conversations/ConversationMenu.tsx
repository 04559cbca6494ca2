import { Download, FileUp } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';
import { bridge } from '../bridge';
import type { MenuGroup } from '../shell/Menu';
import { useCommand } from '../shell/use-command';
import { clearSelection, useSelection } from './selection';
import { ExportDialog, type ExportRequest } from './ExportDialog';
import { finishExport } from './transfer';
import { ImportStatus } from './ImportStatus';
import { useImport } from './use-import';

interface Props {
  conversationId: string | null;
  onNotice(text: string): void;
  onImported(): void;
}

type Scope = 'one' | 'selected' | 'all';

/**
 * Export this conversation, the selected ones or all of them (each item opens the export dialog), or
 * import a file (Plume, ChatGPT or Claude export), as groups of the header's overflow menu; plus the
 * export dialog and the hidden file input the import reads from.
 */
export function useTransferMenu({ conversationId, onNotice, onImported }: Props): { groups: MenuGroup[]; elements: ReactNode } {
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = useSelection();
  const imports = useImport();
  const [exporting, setExporting] = useState<Scope | null>(null);
  // The Import command (palette, shortcut, native menu) opens the same file picker as the menu item.
  useCommand('import', () => fileInput.current?.click());

  const run = async (scope: Scope, { kind, everyBranch, stats }: ExportRequest) => {
    const ids = scope === 'one' && conversationId ? [conversationId] : scope === 'selected' ? [...selected] : undefined;
    const branches = everyBranch ? 'all' : 'shown';
    try {
      if (kind === 'pdf') {
        onNotice('Making the PDF…');
        // The desktop app saves through its own dialog; browser mode gets the file to download.
        const pdf = await bridge.invoke('export:pdf', { ids, branches });
        onNotice(finishExport(pdf));
        return;
      }
      onNotice(finishExport(await bridge.invoke('export:all', { format: kind, ids, branches, stats })));
      if (scope === 'selected') clearSelection();
    } catch (error) {
      onNotice((error as Error).message);
    }
  };

  const selectedChats = `${selected.length} selected chat${selected.length === 1 ? '' : 's'}`;
  const exportItem = (scope: Scope) => ({
    label: scope === 'one' ? 'Export chat…' : scope === 'selected' ? `Export ${selected.length} selected…` : 'Export all…',
    icon: Download,
    onSelect: () => setExporting(scope),
  });

  const groups: MenuGroup[] = [
    {
      items: [
        ...(conversationId ? [exportItem('one')] : []),
        ...(selected.length > 0 ? [exportItem('selected')] : []),
        exportItem('all'),
        { label: 'Import a file…', icon: FileUp, onSelect: () => fileInput.current?.click() },
      ],
    },
  ];

  return {
    groups,
    elements: (
      <>
      {exporting && (
        <ExportDialog
          title={exporting === 'one' ? 'Export this chat' : exporting === 'selected' ? `Export ${selectedChats}` : 'Export all chats'}
          onExport={(request) => void run(exporting, request)}
          onClose={() => setExporting(null)}
        />
      )}
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
