// A line above the whole app while the conversation database needs attention: it was opened
// read-only (damaged and opened on request, or the disk was full at start), or the check run
// after start found damage. Main's sentence says why; the way out is in Settings → Your data.
import type { DatabaseStatus } from '../../../../shared/contract';
import { commands } from '../../shell/commands';

export function databaseTrouble(status: DatabaseStatus): string | null {
  if (status.readOnly) return status.readOnly;
  if (status.check !== 'ok' && status.check !== 'running') return 'SQLite found damage in your conversation database. Export what you need, then restore a backup.';
  return null;
}

export function DatabaseBanner({ text }: { text: string }) {
  const openDataSettings = () => {
    commands.run('settings');
    // The settings screen renders on the next frame; then the data section is brought into view.
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('[data-section="your-data"] h2');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus();
    });
  };
  return (
    <div className="db-banner" role="alert">
      <span>{text}</span>
      <button type="button" onClick={openDataSettings}>Open Data &amp; backups</button>
    </div>
  );
}
