// About box text, the "reply finished" notification decision, and desktop settings defaults.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplyOutcome } from '../../../src/shared/chat';
import { aboutDetail } from '../../../src/main/electron-main/about';
import { notificationBody, shouldNotifyReplyDone } from '../../../src/main/electron-main/reply-notification';
import { loadShellSettings } from '../../../src/main/electron-main/shell-settings';

describe('About box', () => {
  it('names the app, Electron, Chromium and Node versions', () => {
    const text = aboutDetail('0.1.0', { electron: '45.4.1', chrome: '142.0.1', node: '24.18.0', v8: '14.2' });
    expect(text.split('\n')).toEqual(['Version 0.1.0', 'Electron 45.4.1', 'Chromium 142.0.1', 'Node.js 24.18.0', 'V8 14.2']);
  });
});

describe('reply-finished notification', () => {
  const outcome = (state: ReplyOutcome['state'], seconds: number): { outcome: ReplyOutcome } => ({
    outcome: { state, stats: { ttftMs: 2000, tokensPerSec: 50, usage: { outputTokens: Math.max(0, (seconds - 2) * 50) }, estimated: false } },
  });
  const away = { enabled: true, windowFocused: false };

  it('notifies for a long reply that completed while the window was in the background', () => {
    expect(shouldNotifyReplyDone(outcome('complete', 40), away)).toBe(true);
  });

  it('stays quiet unless turned on, while the user is looking, for short or failed replies', () => {
    expect(shouldNotifyReplyDone(outcome('complete', 40), { enabled: false, windowFocused: false })).toBe(false);
    expect(shouldNotifyReplyDone(outcome('complete', 40), { enabled: true, windowFocused: true })).toBe(false);
    expect(shouldNotifyReplyDone(outcome('complete', 5), away)).toBe(false);
    expect(shouldNotifyReplyDone(outcome('stopped', 40), away)).toBe(false);
  });

  it('shows the start of the reply on one line', () => {
    expect(notificationBody('  Hello\n\nworld  ')).toBe('Hello world');
    expect(notificationBody('x'.repeat(300))).toHaveLength(120);
    expect(notificationBody('')).toBe('The reply is ready.');
  });
});

describe('desktop settings', () => {
  it('keeps notifications off by default and when the file is damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-shell-'));
    try {
      expect(await loadShellSettings(dir)).toEqual({ notifyWhenReplyDone: false });
      writeFileSync(join(dir, 'shell-settings.json'), '{"notifyWhenReplyDone": tru');
      expect(await loadShellSettings(dir)).toEqual({ notifyWhenReplyDone: false });
      writeFileSync(join(dir, 'shell-settings.json'), '{"notifyWhenReplyDone": true}');
      expect(await loadShellSettings(dir)).toEqual({ notifyWhenReplyDone: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
