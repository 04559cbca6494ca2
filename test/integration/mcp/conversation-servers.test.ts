// The per-conversation choice of MCP servers and the tool step cap refuse bad input with a
// sentence and keep what was stored; a good choice survives a restart (a fresh store).
import { describe, expect, it } from 'vitest';
import { ConversationServers } from '../../../src/main/mcp/conversation-servers';
import { AppSettingsStore } from '../../../src/main/services/app-settings';
import { tempDirs } from '../../support/temp-dirs';

const dir = tempDirs('plume-conv-servers-');

describe('servers switched off per conversation', () => {
  it('are kept per conversation across a restart; none switched off leaves no record', async () => {
    const where = dir();
    const first = new ConversationServers(where);
    await first.setOff('c1', ['s2', 's2', 's3']);
    await first.setOff('c2', ['s1']);
    await first.setOff('c2', []);
    const again = new ConversationServers(where);
    expect(await again.off('c1')).toEqual(['s2', 's3']);
    expect(await again.off('c2')).toEqual([]);
    expect(await again.off('never-touched')).toEqual([]);
  });

  it('refuse what is not a list of ids, and keep the stored choice', async () => {
    const store = new ConversationServers(dir());
    await store.setOff('c1', ['s1']);
    for (const bad of ['s1', [1], [''], null, Array.from({ length: 201 }, (_, i) => `s${i}`)]) {
      await expect(store.setOff('c1', bad)).rejects.toThrow('The servers to switch off must be a list of server ids.');
    }
    await expect(store.setOff('', ['s1'])).rejects.toThrow('Open a conversation first.');
    expect(await store.off('c1')).toEqual(['s1']);
  });

  it('are all forgotten by Delete all data', async () => {
    const where = dir();
    await new ConversationServers(where).setOff('c1', ['s1']);
    await new ConversationServers(where).clear();
    expect(await new ConversationServers(where).off('c1')).toEqual([]);
  });
});

describe('tool steps per reply', () => {
  it('defaults to 10, takes a whole number from 1 to 100, and refuses anything else with a sentence', async () => {
    const store = new AppSettingsStore(dir());
    expect((await store.get()).maxToolSteps).toBe(10);
    expect((await store.save({ maxToolSteps: 25 })).maxToolSteps).toBe(25);
    for (const bad of [0, 101, 2.5, '5', Number.NaN]) {
      await expect(store.save({ maxToolSteps: bad })).rejects.toThrow('Tool steps per reply must be a whole number from 1 to 100.');
    }
    expect((await store.get()).maxToolSteps).toBe(25);
  });
});
