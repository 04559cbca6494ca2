// A menu button (WAI-ARIA menu pattern): the trigger opens a list of actions; arrow keys, Home and
// End move, Enter runs, Esc or Tab or a click elsewhere closes, and focus goes back to the trigger.
import type { LucideIcon } from 'lucide-react';
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuAction {
  label: string;
  onSelect(): void;
  icon?: LucideIcon;
  shortcut?: string;
  disabled?: boolean;
}

export interface MenuGroup {
  /** Heading of the group, also its accessible name. */
  label?: string;
  items: MenuAction[];
}

interface Props {
  /** Accessible name and tooltip of the trigger. */
  label: string;
  /** What the trigger shows: an icon (icon button) or any content (a labelled button). */
  icon?: LucideIcon;
  children?: ReactNode;
  groups: MenuGroup[];
  align?: 'start' | 'end';
  className?: string;
  /** Imperative handle for commands that open this menu. */
  openRef?: React.RefObject<(() => void) | null>;
}

export function Menu({ label, icon: Icon, children, groups, align = 'end', className, openRef }: Props) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  if (openRef) openRef.current = () => setOpen(true);

  const items = () => Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!list.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return close(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className={`menu${className ? ` ${className}` : ''}`}>
      <button
        ref={trigger}
        type="button"
        className={Icon ? 'icon-button' : 'menu-trigger'}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-tip={Icon ? label : undefined}
        data-tip-align={Icon ? align : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {Icon ? <Icon aria-hidden="true" focusable="false" /> : children}
      </button>
      {open && (
        <div ref={list} id={id} role="menu" aria-label={label} className={`menu-list align-${align}`} onKeyDown={onKeyDown}>
          {groups.map((group, g) => (
            <Fragment key={group.label ?? g}>
              {g > 0 && <div role="separator" className="menu-separator" />}
              <div role="group" aria-label={group.label}>
                {group.label && <div className="menu-group-label" aria-hidden="true">{group.label}</div>}
                {group.items.map((item) => (
                  <button
                    key={item.label}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    disabled={item.disabled}
                    onClick={() => {
                      close(true);
                      // After the menu is gone, so an action that opens a dialog takes focus from the trigger.
                      queueMicrotask(item.onSelect);
                    }}
                  >
                    {item.icon && <item.icon aria-hidden="true" focusable="false" />}
                    <span className="menu-label">{item.label}</span>
                    {item.shortcut && <kbd>{item.shortcut}</kbd>}
                  </button>
                ))}
              </div>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}
