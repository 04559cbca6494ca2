// Which key sends a message: Enter (Shift+Enter for a new line), or Ctrl/Cmd+Enter (Enter for a
// new line). A window preference kept in localStorage; the composer reads it on every key press.
import { useSyncExternalStore } from 'react';

export type SendKey = 'enter' | 'mod-enter';
const KEY = 'plume.sendKey';
const listeners = new Set<() => void>();

export function sendKey(): SendKey {
  try {
    return localStorage.getItem(KEY) === 'mod-enter' ? 'mod-enter' : 'enter';
  } catch {
    return 'enter';
  }
}

export function setSendKey(next: SendKey): void {
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Storage unavailable: Enter stays the send key.
  }
  for (const listener of listeners) listener();
}

export function useSendKey(): SendKey {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendKey,
  );
}

/** Does this key press send, under the chosen send key? */
export function isSendPress(event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }, mode: SendKey): boolean {
  if (event.key !== 'Enter' || event.shiftKey) return false;
  const modifier = event.ctrlKey || event.metaKey;
  return mode === 'enter' ? !modifier : modifier;
}
