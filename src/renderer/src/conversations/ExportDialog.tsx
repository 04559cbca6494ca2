// The export choices in one small dialog, so the overflow menu holds "Export chat…" and "Export
// all…" instead of every format times every option. Only the options the picked format has are shown.
import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ExportFormat } from '../../../shared/conversations';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import './export-dialog.css';

export type ExportKind = ExportFormat | 'pdf';

export interface ExportRequest {
  kind: ExportKind;
  /** Every version of each reply, labelled (Markdown, HTML); JSON always has them. */
  everyBranch: boolean;
  /** Speed, tokens and cost in each reply's header (HTML). */
  stats: boolean;
}

const KINDS: readonly [ExportKind, string][] = [
  ['markdown', 'Markdown'],
  ['json', 'JSON (lossless)'],
  ['html', 'HTML'],
  ['pdf', 'PDF'],
];

interface Props {
  /** "Export this chat", "Export all chats", "Export 3 selected chats". */
  title: string;
  onExport(request: ExportRequest): void;
  onClose(): void;
}

/** The last export's choices: whoever exports often exports the same way each time. */
const REMEMBERED = 'plume.export.choices';

function rememberedChoices(): ExportRequest {
  const fallback: ExportRequest = { kind: 'markdown', everyBranch: false, stats: false };
  try {
    const saved = JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null') as Partial<ExportRequest> | null;
    if (!saved || !KINDS.some(([value]) => value === saved.kind)) return fallback;
    return { kind: saved.kind!, everyBranch: saved.everyBranch === true, stats: saved.stats === true };
  } catch {
    return fallback; // storage unavailable or damaged: the defaults
  }
}

function remember(choices: ExportRequest): void {
  try {
    localStorage.setItem(REMEMBERED, JSON.stringify(choices));
  } catch {
    // Not remembered this time; the export itself goes on.
  }
}

export function ExportDialog({ title, onExport, onClose }: Props) {
  const [initial] = useState(rememberedChoices);
  const [kind, setKind] = useState<ExportKind>(initial.kind);
  const [everyBranch, setEveryBranch] = useState(initial.everyBranch);
  const [stats, setStats] = useState(initial.stats);
  const name = useId();
  const branchesApply = kind === 'markdown' || kind === 'html';
  // At the end of the body: opened from the header's menu, but no part of its row or banner landmark.
  return createPortal(
    <ConfirmDialog
      title={title}
      form
      choices={[{ value: 'export', label: 'Export', tone: 'primary' }]}
      onAnswer={(answer) => {
        onClose();
        if (answer !== 'export') return;
        remember({ kind, everyBranch, stats });
        onExport({ kind, everyBranch: branchesApply && everyBranch, stats: kind === 'html' && stats });
      }}
    >
      <fieldset className="export-formats">
        <legend>Format</legend>
        {KINDS.map(([value, label]) => (
          <label key={value} className="checkbox">
            <input type="radio" name={name} value={value} checked={kind === value} onChange={() => setKind(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="export-options">
        {branchesApply && (
          <label className="checkbox">
            <input type="checkbox" checked={everyBranch} onChange={(event) => setEveryBranch(event.target.checked)} />
            Every branch
          </label>
        )}
        {kind === 'html' && (
          <label className="checkbox">
            <input type="checkbox" checked={stats} onChange={(event) => setStats(event.target.checked)} />
            Speed, tokens and cost
          </label>
        )}
        {kind === 'json' && <p className="field-hint">JSON always keeps every branch, so it can be imported again as it is.</p>}
        {kind === 'pdf' && <p className="field-hint">The PDF has the branch on screen.</p>}
      </div>
    </ConfirmDialog>,
    document.body,
  );
}
