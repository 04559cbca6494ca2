// Tool calls in the window, end to end: a fake provider streams a call slowly; the call shows as
// soon as its name arrives and its arguments fill in field by field, raw JSON one click away.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openai, openaiToolCallSteps, paced, streamReply, wait, type ScriptedCall } from '../support/fake-providers';
import { lastReply, send } from './support/app';
import { perTestApp } from './support/per-test';
import { screenshotDir, shootLayouts } from './support/screenshots';

const apps = perTestApp();
const shots = screenshotDir('tool-calls');

const WRITE: ScriptedCall = {
  id: 'call_write',
  name: 'write_file',
  args: '{"path": "/tmp/notes.md", "content": "<img src=x onerror=alert(1)> Hello\\nworld", "overwrite": true, "lines": [3, 4]}',
};

describe('tool calls in the window', () => {
  it('shows the call when its name arrives and fills in the arguments as they stream', async () => {
    const { page, fake } = await apps.withOpenAI();
    // Name first, then the arguments a few characters every 60 ms, then a long pause before
    // finish_reason, so the test can look at the call half-written and fully written.
    const [head, ...pieces] = openaiToolCallSteps([WRITE], 'openai', 4);
    fake.nextReply(
      streamReply([
        openai.roleChunk(),
        openai.textChunk('I will save that. '),
        head!,
        wait(400),
        ...paced(pieces.map((p) => [p]), 60),
        wait(600),
        openai.finishChunk('tool_calls'),
        openai.done(),
      ]),
    );
    await send(page, 'Save my notes');
    const call = page.getByRole('region', { name: 'Tool call write_file' });
    await call.waitFor();
    // The name is there before any argument: nothing shown yet but the status.
    expect(await call.getByRole('status').textContent()).toContain('writing arguments');
    // Half-way: a string value grows while the later keys are still missing.
    await expect.poll(() => call.getByLabel('Arguments').textContent(), { timeout: 20_000 }).toContain('/tmp/notes.md');
    const partial = await call.getByLabel('Arguments').textContent();
    expect(partial).not.toContain('overwrite');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'writing-1280-light.png') });
    // Written: every field is there as text; the HTML in the value is shown, never run.
    await expect.poll(() => call.getByRole('status').textContent(), { timeout: 20_000 }).toContain('arguments complete');
    const fields = call.getByLabel('Arguments');
    expect(await fields.locator('dt').allTextContents()).toEqual(['path', 'content', 'overwrite', 'lines']);
    expect(await fields.textContent()).toContain('<img src=x onerror=alert(1)> Hello');
    expect(await call.locator('img').count()).toBe(0);
    await call.getByRole('button', { name: 'Raw JSON' }).click();
    expect(await call.getByLabel('Raw arguments').textContent()).toBe(WRITE.args);
    await expect.poll(() => lastReply(page).getAttribute('data-state')).toBe('complete');
    // It stays on screen after the reply ends.
    expect(await call.getByLabel('Raw arguments').textContent()).toBe(WRITE.args);
    await page.screenshot({ path: join(shots, 'raw-1280-light.png') });
    await call.getByRole('button', { name: 'Fields' }).click();
    await shootLayouts(page, shots, 'written', call);
  });

  it('a reply that stops inside the arguments shows the call as cut off', async () => {
    const { page, fake } = await apps.withOpenAI();
    const cut: ScriptedCall = { id: 'call_cut', name: 'make_file', args: '{"filename": "taxes.txt", "text": "Filing ta' };
    fake.nextReply(streamReply([openai.roleChunk(), ...openaiToolCallSteps([cut]), openai.finishChunk('length'), openai.done()]));
    await send(page, 'Write it');
    const call = page.getByRole('region', { name: 'Tool call make_file' });
    await expect.poll(() => call.getByRole('status').textContent()).toContain('cut off');
    expect(await call.getByLabel('Arguments').textContent()).toContain('Filing ta');
  });
});
