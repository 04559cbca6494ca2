// How the window looks and types: theme, text size and the send key. They belong to this window
// (kept in localStorage, not in main), but are edited and saved with the rest of the Settings page.
import { type SendKey, sendKey, setSendKey } from '../chat/send-key';
import { commands } from '../shell/commands';
import { type FontSize, fontSize, setFontSize } from '../shell/font-size';
import { isMac } from '../shell/shortcut-hint';
import type { ThemeChoice } from '../shell/theme-choice';

export interface Appearance {
  theme: ThemeChoice;
  size: FontSize;
  send: SendKey;
}

export const currentAppearance = (): Appearance => ({
  theme: (document.documentElement.dataset.themeChoice as ThemeChoice | undefined) ?? 'system',
  size: fontSize(),
  send: sendKey(),
});

export function applyAppearance(next: Appearance): void {
  commands.run(`theme-${next.theme}`);
  setFontSize(next.size);
  setSendKey(next.send);
}

export function AppearanceFields({ id, value, onChange }: { id: string; value: Appearance; onChange(next: Appearance): void }) {
  return (
    <>
      <label htmlFor={`${id}-theme`}>Theme</label>
      <select id={`${id}-theme`} value={value.theme} onChange={(event) => onChange({ ...value, theme: event.target.value as ThemeChoice })}>
        <option value="system">Follow the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <label htmlFor={`${id}-size`}>Text size</label>
      <select id={`${id}-size`} value={value.size} onChange={(event) => onChange({ ...value, size: event.target.value as FontSize })}>
        <option value="small">Small</option>
        <option value="medium">Medium</option>
        <option value="large">Large</option>
      </select>
      <label htmlFor={`${id}-send`}>Send a message with</label>
      <select id={`${id}-send`} value={value.send} onChange={(event) => onChange({ ...value, send: event.target.value as SendKey })}>
        <option value="enter">Enter (Shift+Enter for a new line)</option>
        <option value="mod-enter">{isMac ? '⌘' : 'Ctrl'}+Enter (Enter for a new line)</option>
      </select>
    </>
  );
}
