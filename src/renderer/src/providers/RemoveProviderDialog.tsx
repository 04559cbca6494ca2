// Removing a provider asks first, and says which conversations use it (how many, and the first
// few titles), because their next reply will need another provider.
import { ConfirmDialog } from '../shell/ConfirmDialog';

const SHOWN_TITLES = 3;

/** "“A”, “B”, “C” and 2 more" */
export function titlesText(titles: readonly string[]): string {
  const named = titles.slice(0, SHOWN_TITLES).map((t) => `“${t || 'New chat'}”`);
  const more = titles.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : (named[0] ?? '');
}

export function RemoveProviderDialog({ name, usedBy, onAnswer }: { name: string; usedBy: readonly string[]; onAnswer(remove: boolean): void }) {
  const count = usedBy.length;
  return (
    <ConfirmDialog title={`Remove ${name}?`} choices={[{ value: 'remove', label: 'Remove', tone: 'danger' }]} onAnswer={(answer) => onAnswer(answer === 'remove')}>
      {count === 0 ? (
        <p>No conversation uses it. Its key is deleted from this computer.</p>
      ) : (
        <p>
          {count === 1 ? '1 conversation uses' : `${count} conversations use`} it: {titlesText(usedBy)}. They stay in your history; their next
          reply needs another provider. Its key is deleted from this computer.
        </p>
      )}
    </ConfirmDialog>
  );
}
