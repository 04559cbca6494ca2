// Per conversation, which MCP servers' tools are offered (the composer's "Tools: N servers"
// checklist, stored with the conversation), and the step cap beside the servers in Settings.
import { describe, expect, it } from 'vitest';
import { openaiToolReply, streamReply, type ScriptedCall } from '../support/fake-providers';
import { lastReply, send } from './support/app';
import { addLocalMcpServer, EVERYTHING_SERVER } from './support/mcp';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('tool-servers');

/** Tool names the model was offered in each request. */
function offeredTools(requests: ReadonlyArray<{ method: string; body: unknown }>): string[][] {
  return requests.filter((r) => r.method === 'POST').map((r) => ((r.body as { tools?: Array<{ function: { name: string } }> }).tools ?? []).map((t) => t.function.name));
}

describe('tools offered per conversation', () => {
  it('the composer offers every enabled server by default; one switched off is not offered, and the choice stays with the conversation', async () => {
    const { page, fake } = await apps.withOpenAI();
    await addLocalMcpServer(page, 'Everything', process.execPath, [EVERYTHING_SERVER, 'stdio']);
    await addLocalMcpServer(page, 'Second', process.execPath, [EVERYTHING_SERVER, 'stdio']);

    await page.getByRole('button', { name: 'Tools: 2 servers' }).click();
    const control = page.getByRole('button', { name: /^Tools:/ });
    const list = page.getByRole('group', { name: 'Tools offered in this chat' });
    expect(await list.getByRole('checkbox', { name: /Everything/ }).isChecked()).toBe(true);
    await list.getByRole('checkbox', { name: /Second/ }).uncheck();
    await expect.poll(() => control.textContent()).toBe('Tools: 1 server');
    expect(await control.getAttribute('aria-expanded')).toBe('true');
    await shootLayouts(page, shots, 'checklist');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The first message of a new chat carries the choice: only the first server's tools go out.
    fake.replyText('Hello.');
    await send(page, 'Which tools?');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    const [first] = offeredTools(fake.requests);
    expect(first).toContain('echo');
    expect(first).not.toContain('echo_2'); // the second server's echo would be renamed echo_2

    // Kept after a reload, for this conversation only.
    await page.reload();
    await page.getByRole('button', { name: 'Which tools?' }).click();
    await page.getByRole('button', { name: 'Tools: 1 server' }).click();
    expect(await page.getByRole('group', { name: 'Tools offered in this chat' }).getByRole('checkbox', { name: /Second/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Tools: 2 servers' }).count()).toBe(1);

    // Switching it back on in the stored conversation offers both again.
    await page.getByRole('button', { name: 'Which tools?' }).click();
    await page.getByRole('button', { name: 'Tools: 1 server' }).click();
    await page.getByRole('group', { name: 'Tools offered in this chat' }).getByRole('checkbox', { name: /Second/ }).check();
    await page.keyboard.press('Escape');
    fake.replyText('Again.');
    await send(page, 'And now?');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    expect(offeredTools(fake.requests).at(-1)).toContain('echo_2');
  });

  it('with every server switched off the model is offered no tools', async () => {
    const { page, fake } = await apps.withOpenAI();
    await addLocalMcpServer(page, 'Everything', process.execPath, [EVERYTHING_SERVER, 'stdio']);
    await page.getByRole('button', { name: 'Tools: 1 server' }).click();
    await page.getByRole('group', { name: 'Tools offered in this chat' }).getByRole('checkbox', { name: /Everything/ }).uncheck();
    await expect.poll(() => page.getByRole('button', { name: 'Tools: off' }).count()).toBe(1);
    fake.replyText('No tools.');
    await send(page, 'Hi');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    expect(offeredTools(fake.requests)).toEqual([[]]);
  });
});

describe('the step cap', () => {
  it('is set beside the MCP servers, and the notice when it is hit names the setting', async () => {
    const { page, fake } = await apps.withOpenAI();
    await addLocalMcpServer(page, 'Everything', process.execPath, [EVERYTHING_SERVER, 'stdio']);
    await page.getByRole('button', { name: 'Settings' }).click();
    const steps = page.getByRole('spinbutton', { name: 'Tool steps per reply' });
    await expect.poll(() => steps.inputValue()).toBe('10');
    await steps.fill('0');
    await page.getByRole('button', { name: 'Save steps' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Tool steps per reply must be' }).count()).toBe(1);
    await steps.fill('2');
    await page.getByRole('button', { name: 'Save steps' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await shootLayouts(page, shots, 'step-cap-setting', steps);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Back to chat' }).click();

    const echo: ScriptedCall = { id: 'call_echo', name: 'echo', args: '{"message": "again"}' };
    fake.setDefaultReply(streamReply(openaiToolReply([echo]))); // the model calls the tool forever
    await send(page, 'Loop');
    await lastReply(page).getByRole('group', { name: 'Run echo?' }).getByRole('button', { name: 'Allow for this conversation' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 60_000 }).not.toBe('streaming');
    expect(await lastReply(page).getByRole('note').textContent()).toBe(
      'Stopped after 2 tool steps in one reply: the limit “Tool steps per reply” in Settings → MCP servers. Send a message to let the model go on.',
    );
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});
