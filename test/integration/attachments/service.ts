// The real services with a fresh data dir, a provider pointed at a fake server, and a reply
// driven through a real port the way the window drives it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplyAction, StreamRequest } from '../../../src/shared/chat';
import type { Channel, Req, Res } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/services/dispatch';
import { createPlumeService, type PlumeService } from '../../../src/main/services/plume-service';
import { FileVault } from '../../../src/main/settings/file-vault';
import { nodePortPair } from '../../support/node-ports';
import { TestConsumer } from '../../support/reply-consumer';

export interface TestService {
  service: PlumeService;
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  /** Sends `action` in `conversationId` and waits for the end of the reply (to another provider and model if given). */
  reply(conversationId: string, action: ReplyAction, to?: { providerId: string; model: string }): Promise<TestConsumer>;
  close(): void;
}

export async function startService(provider: { kind: 'openai' | 'anthropic'; baseURL: string; model: string }): Promise<TestService & { providerId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-attachments-'));
  const service = createPlumeService({ dataDir, vault: new FileVault(dataDir), mode: 'web', version: 'test', maxRetries: 0, localProbes: [] });
  const call = async <C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> => {
    const result = await dispatch(service.handlers, channel, req);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { plume: result.error });
    return result.value as Res<C>;
  };
  const saved = await call('providers:save', { name: 'Fake', apiKey: 'sk-attach-0123456789', ...provider });
  const providerId = saved.provider.id;
  return {
    service,
    call,
    providerId,
    async reply(conversationId, action, to = { providerId, model: provider.model }) {
      const { main, renderer } = nodePortPair();
      const request: StreamRequest = { conversationId, ...to, action };
      service.openStream(request, main);
      const consumer = new TestConsumer(renderer, { autoGrant: true });
      await consumer.until(() => consumer.ended !== undefined || consumer.lost);
      renderer.close();
      return consumer;
    },
    close() {
      service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
