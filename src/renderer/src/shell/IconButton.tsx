// A button that shows only an icon: its label is both its accessible name and its tooltip, so a
// pointer user and a screen reader learn the same word.
import type { LucideIcon } from 'lucide-react';
import { forwardRef, type ButtonHTMLAttributes } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: LucideIcon;
  label: string;
  /** Shown after the label in the tooltip, e.g. "Ctrl+K". */
  shortcut?: string;
  /** Which edge the tooltip lines up with, for buttons near the window's edges. */
  tipAlign?: 'start' | 'center' | 'end';
  tipSide?: 'top' | 'bottom';
}

export const IconButton = forwardRef<HTMLButtonElement, Props>(function IconButton(
  { icon: Icon, label, shortcut, tipAlign = 'center', tipSide = 'bottom', className, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      data-tip={shortcut ? `${label} (${shortcut})` : label}
      data-tip-align={tipAlign === 'center' ? undefined : tipAlign}
      data-tip-side={tipSide === 'bottom' ? undefined : tipSide}
      {...rest}
    >
      <Icon aria-hidden="true" focusable="false" />
    </button>
  );
});
