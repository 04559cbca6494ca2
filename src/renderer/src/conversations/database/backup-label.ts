import type { BackupView } from '../../../../shared/contract';

const REASONS: Record<string, string> = {
  manual: 'backed up by you',
  'before-import': 'before an import',
  'before-restore': 'before a restore',
};

/** "2026-11-30 12:40 UTC · before an import · 1.2 MB" */
export function backupLabel(b: BackupView): string {
  const when = new Date(b.takenAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const why = REASONS[b.reason] ?? (b.reason.startsWith('before-upgrade-v') ? 'before an upgrade' : b.reason);
  const size = b.size >= 1024 * 1024 ? `${(b.size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b.size / 1024))} KB`;
  return `${when} · ${why} · ${size}`;
}
