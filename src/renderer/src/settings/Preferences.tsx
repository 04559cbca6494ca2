// How the window looks and types: theme, text size and the send key. These apply at once (they
// belong to this window, not to main), so they need no Save.
import { useId, useState } from 'react';
import { type SendKey, setSendKey, useSendKey } from '../chat/send-key';
import { commands } from '../shell/commands';
import { type FontSize, fontSize, setFontSize } from '../shell/font-size';
import { isMac } from '../shell/shortcut-hint';
import type { ThemeChoice } from '../shell/theme-choice';

const currentTheme = (): ThemeChoice => (document.documentElement.dataset.themeChoice as ThemeChoice | undefined) ?? 'system';

export function Preferences() {
  const id = useId();
  const [theme, setTheme] = useState(currentTheme);
  const [size, setSize] = useState(fontSize);
  const send = useSendKey();
  return (
    <section className="settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Appearance and typing</h2>
      <p className="field-hint">These apply at once.</p>
      <label htmlFor={`${id}-theme`}>Theme</label>
      <select
        id={`${id}-theme`}
        value={theme}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          commands.run(`theme-${next}`);
          setTheme(next);
        }}
      >
        <option value="system">Follow the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <label htmlFor={`${id}-size`}>Text size</label>
      <select
        id={`${id}-size`}
        value={size}
        onChange={(event) => {
          const next = event.target.value as FontSize;
          setFontSize(next);
          setSize(next);
        }}
      >
        <option value="small">Small</option>
        <option value="medium">Medium</option>
        <option value="large">Large</option>
      </select>
      <label htmlFor={`${id}-send`}>Send a message with</label>
      <select id={`${id}-send`} value={send} onChange={(event) => setSendKey(event.target.value as SendKey)}>
        <option value="enter">Enter (Shift+Enter for a new line)</option>
        <option value="mod-enter">{isMac ? '⌘' : 'Ctrl'}+Enter (Enter for a new line)</option>
      </select>
    </section>
  );
}
