// The whole tool loop in the window: the model calls a tool of a real MCP server
// (server-everything over stdio), the user decides inline, the result goes back to the model,
// and its answer streams into the same reply.
import { describe, expect, it } from 'vitest';
import { openaiToolReply, streamReply, type ScriptedCall } from '../support/fake-providers';
import { lastReply, send } from './support/app';
import { addLocalMcpServer, EVERYTHING_SERVER } from './support/mcp';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('tool-loop');
const ECHO: ScriptedCall = { id: 'call_echo', name: 'echo', args: '{"message": "hi from the model"}' };

async function setup(answer = true) {
  const { page, fake } = await apps.withOpenAI();
  await addLocalMcpServer(page, 'Everything', process.execPath, [EVERYTHING_SERVER, 'stdio']);
  fake.nextReply(streamReply(openaiToolReply([ECHO], { text: 'Let me echo that. ' })));
  if (answer) fake.replyText('The tool answered: Echo: hi from the model.');
  else fake.setDefaultReply(streamReply(openaiToolReply([ECHO]))); // the model calls the tool forever
  await send(page, 'Echo something');
  const call = page.getByRole('region', { name: 'Tool call echo' });
  const approval = call.getByRole('group', { name: 'Run echo?' });
  await approval.waitFor({ timeout: 30_000 });
  return { page, fake, call, approval };
}

/** The tool message the model received in the second request. */
function toolMessage(body: unknown): unknown {
  return (body as { messages: Array<{ role: string }> }).messages.find((m) => m.role === 'tool');
}

describe('the tool loop', () => {
  it('Allow once: the tool runs, its result goes back, the answer streams into the same reply', async () => {
    const { page, fake, call, approval } = await setup();
    // The full arguments are there while the user decides.
    expect(await call.getByLabel('Arguments').textContent()).toContain('hi from the model');
    expect(await approval.textContent()).toContain('from Everything');
    await shootLayouts(page, shots, 'approval', call);
    await page.setViewportSize({ width: 1280, height: 900 });
    await approval.getByRole('button', { name: 'Allow once' }).click();

    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    // The text before the call and the answer after it sit on either side of the call.
    expect(await lastReply(page).locator('.message-text').allTextContents()).toEqual(['Let me echo that.', 'The tool answered: Echo: hi from the model.']);
    await call.getByText('Result', { exact: true }).click(); // collapsed by default
    expect(await call.getByLabel('Tool result').textContent()).toBe('Echo: hi from the model');
    await shootLayouts(page, shots, 'result', call);

    // The first request offered the tool; the second carried the call and its result.
    const [first, second] = fake.requests.filter((r) => r.method === 'POST');
    expect(JSON.stringify((first?.body as { tools: unknown }).tools)).toContain('"name":"echo"');
    const assistant = (second?.body as { messages: Array<{ role: string; tool_calls?: unknown }> }).messages.find((m) => m.tool_calls);
    expect(assistant).toMatchObject({ role: 'assistant', content: 'Let me echo that. ', tool_calls: [{ id: 'call_echo', function: { name: 'echo', arguments: ECHO.args } }] });
    expect(toolMessage(second?.body)).toEqual({ role: 'tool', tool_call_id: 'call_echo', content: 'Echo: hi from the model' });

    // History: after a reload the call, its arguments and its result are still in the message.
    await page.reload();
    await page.getByRole('button', { name: 'Echo something' }).click();
    const kept = page.getByRole('region', { name: 'Tool call echo' });
    expect(await kept.getByLabel('Arguments').textContent()).toContain('hi from the model');
    await kept.getByText('Result', { exact: true }).click();
    expect(await kept.getByLabel('Tool result').textContent()).toBe('Echo: hi from the model');
  });

  it('a reply cut off while a call waits for a decision shows the call as interrupted, never runs it', async () => {
    const { page, fake } = await setup();
    await page.reload(); // the reply's port closes with the page, as when Plume quits
    await page.getByRole('button', { name: 'Echo something' }).click();
    const call = page.getByRole('region', { name: 'Tool call echo' });
    await expect.poll(() => call.getByRole('status').last().textContent()).toMatch(/^Not run: Interrupted: Plume stopped while this call was waiting for your decision/);
    expect(await call.getByRole('group', { name: 'Run echo?' }).count()).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('Deny with a reason: nothing runs and the model is told why', async () => {
    const { page, fake, call, approval } = await setup();
    await approval.getByLabel('Reason for denying (optional, sent to the model)').fill('not on a Friday');
    await approval.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    expect(await call.getByRole('status').last().textContent()).toBe('Not run: The user denied this call: not on a Friday');
    const second = fake.requests.filter((r) => r.method === 'POST')[1];
    expect(toolMessage(second?.body)).toEqual({ role: 'tool', tool_call_id: 'call_echo', content: 'Error: The user denied this call: not on a Friday' });
  });

  it('Always allow: the next call of that tool runs without asking', async () => {
    const { page, fake, approval } = await setup();
    await approval.getByRole('button', { name: 'Always allow this tool' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    fake.nextReply(streamReply(openaiToolReply([{ ...ECHO, id: 'call_echo_2' }])));
    fake.replyText('Done again.');
    await send(page, 'Again');
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    expect(await lastReply(page).getByRole('group', { name: 'Run echo?' }).count()).toBe(0);
    expect(await lastReply(page).locator('.message-text').textContent()).toBe('Done again.');
  });

  it('the step cap ends a reply that keeps calling tools, with a notice', async () => {
    const { page, approval } = await setup(false);
    // "For this conversation" stops the asking, so only the cap ends the loop.
    await approval.getByRole('button', { name: 'Allow for this conversation' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 60_000 }).not.toBe('streaming');
    expect(await lastReply(page).getByRole('note').textContent()).toMatch(/Stopped after 10 tool steps/);
    // The notice is stored with the reply, not only shown live.
    await page.reload();
    await page.getByRole('button', { name: 'Echo something' }).click();
    await lastReply(page).getByRole('note').waitFor({ timeout: 30_000 });
    expect(await lastReply(page).getByRole('note').textContent()).toMatch(/Stopped after 10 tool steps/);
  });
});

describe('stopping a running tool', () => {
  it('Stop while the tool runs cancels the call and stops the reply', async () => {
    const { page, fake } = await apps.withOpenAI();
    await addLocalMcpServer(page, 'Everything', process.execPath, [EVERYTHING_SERVER, 'stdio']);
    const slow: ScriptedCall = { id: 'call_slow', name: 'trigger-long-running-operation', args: '{"duration": 30, "steps": 30}' };
    fake.nextReply(streamReply(openaiToolReply([slow])));
    await send(page, 'Run the long one');
    const call = page.getByRole('region', { name: 'Tool call trigger-long-running-operation' });
    await call.getByRole('group', { name: 'Run trigger-long-running-operation?' }).getByRole('button', { name: 'Allow once' }).click();
    const running = call.getByRole('status', { name: 'Tool running' });
    // Progress notifications from the server show up while it runs.
    await expect.poll(() => running.textContent(), { timeout: 30_000 }).toMatch(/Running on Everything · \d+ s · \d+\/30/);
    await running.getByRole('button', { name: 'Stop the tool and the reply' }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('stopped');
    // The model was never asked again: the stopped call's result went nowhere.
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
