// A line above the whole app while the conversation database needs attention: it was opened
// read-only because it is damaged, or the check run after start found damage. Either way the
// way out is in Settings → Your data, one click away.
import type { DatabaseStatus } from '../../../shared/contract';
import { commands } from '../shell/commands';

export function databaseTrouble(status: DatabaseStatus): string | null {
  if (status.readOnly) return 'Read-only: your conversation database is damaged, so Plume opened it without changing anything. You can read and export conversations; nothing new is saved.';
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
