// Native menu commands reach the page as window messages posted by the preload (the same road
// reply ports take). Only this window's own messages with a known command are run.
import { APP_COMMAND_MESSAGE_TYPE, isAppCommand } from '../../../shared/app-commands';
import { commands } from './commands';

export function listenForMenuCommands(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window || event.data?.type !== APP_COMMAND_MESSAGE_TYPE) return;
    const command: unknown = event.data.command;
    if (isAppCommand(command)) commands.run(command);
  });
}
