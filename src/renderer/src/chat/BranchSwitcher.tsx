/** `‹ 2/3 ›`: moves between edits or regenerations of one message. */
export function BranchSwitcher({ index, count, disabled, onSwitch }: { index: number; count: number; disabled: boolean; onSwitch(index: number): void }) {
  return (
    <span className="branch-switcher" role="group" aria-label="Versions">
      <button type="button" className="icon-button" aria-label="Previous version" disabled={disabled || index === 0} onClick={() => onSwitch(index - 1)}>‹</button>
      <span data-testid="branch-position">{index + 1}/{count}</span>
      <button type="button" className="icon-button" aria-label="Next version" disabled={disabled || index >= count - 1} onClick={() => onSwitch(index + 1)}>›</button>
    </span>
  );
}
