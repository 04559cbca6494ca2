// A tiny command registry: the page registers what each app command does, and the palette, the
// keyboard shortcuts and the native menu all run commands through it by name.
import type { AppCommand } from '../../../shared/app-commands';

type Handler = () => void;

export class CommandRegistry {
  private readonly handlers = new Map<AppCommand, Handler[]>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** The newest registration wins until it is removed (a dialog can take over "stop", say). */
  register(id: AppCommand, handler: Handler): () => void {
    const stack = this.handlers.get(id) ?? [];
    stack.push(handler);
    this.handlers.set(id, stack);
    this.changed();
    return () => {
      const at = stack.lastIndexOf(handler);
      if (at === -1) return;
      stack.splice(at, 1);
      if (stack.length === 0) this.handlers.delete(id);
      this.changed();
    };
  }

  /** Runs a command; false when nothing handles it right now. */
  run(id: AppCommand): boolean {
    const handler = this.handlers.get(id)?.at(-1);
    if (!handler) return false;
    handler();
    return true;
  }

  has(id: AppCommand): boolean {
    return this.handlers.has(id);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever the set of handled commands does (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

export const commands = new CommandRegistry();
