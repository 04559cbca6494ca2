// Adds a local MCP server through Settings the way a person does (including the consent), waits
// until it is ready, and goes back to the chat.
import type { Page } from 'playwright';

export const EVERYTHING_SERVER = new URL('../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url).pathname;

export async function addLocalMcpServer(page: Page, name: string, command: string, args: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add MCP server' }).click();
  const form = page.getByRole('form', { name: 'Add an MCP server' });
  await form.getByLabel('Server name').fill(name);
  await form.getByLabel('Command', { exact: true }).fill(command);
  await form.getByLabel('Arguments, one per line').fill(args.join('\n'));
  await form.getByRole('button', { name: 'Save MCP server' }).click();
  const server = page.getByRole('listitem', { name: `MCP server ${name}` });
  await server.getByRole('button', { name: 'Allow and start' }).click();
  await server.getByRole('status').filter({ hasText: /^Ready with/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to chat' }).click();
}
