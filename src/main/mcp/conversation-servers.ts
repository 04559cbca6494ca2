// Which MCP servers a conversation offers the model. Only departures from the default are kept:
// the ids of servers the user switched off for that conversation, in mcp-conversations.json in
// the data folder. So a conversation nobody touched offers every enabled server, including ones
// added later. The file holds ids only, nothing from the conversation itself.
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from '../settings/json-file';
import { oneAtATime } from '../settings/one-at-a-time';
import { McpInputError } from './server-records';

/** A list longer than this is not a user's choice; refused rather than stored. */
const MAX_OFF = 200;

export class ConversationServers {
  private choices: Record<string, string[]> | undefined;
  private readonly serial = oneAtATime();

  constructor(private readonly dir: string) {}

  /** The servers switched off for this conversation ([] when none). */
  async off(conversationId: string): Promise<string[]> {
    return (await this.all())[conversationId] ?? [];
  }

  async setOff(conversationId: unknown, off: unknown): Promise<string[]> {
    if (typeof conversationId !== 'string' || conversationId === '') throw new McpInputError('Open a conversation first.');
    const ids = parseOff(off);
    return this.serial(async () => {
      const next = { ...(await this.all()) };
      if (ids.length === 0) delete next[conversationId];
      else next[conversationId] = ids;
      await writeJsonFile(this.path(), next, { pretty: true });
      this.choices = next;
      return ids;
    });
  }

  /** Delete all data: every conversation is gone, so is every choice. */
  async clear(): Promise<void> {
    await this.serial(async () => {
      this.choices = {};
      await writeJsonFile(this.path(), {}, { pretty: true });
    });
  }

  private async all(): Promise<Record<string, string[]>> {
    if (!this.choices) {
      const parsed = await readJsonFile(this.path());
      this.choices = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string[]>) : {};
    }
    return this.choices;
  }

  private path(): string {
    return join(this.dir, 'mcp-conversations.json');
  }
}

export function parseOff(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_OFF || !value.every((id) => typeof id === 'string' && id !== '' && id.length <= 200)) {
    throw new McpInputError('The servers to switch off must be a list of server ids.');
  }
  return [...new Set(value as string[])];
}
