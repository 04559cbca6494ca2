// The sidebar's list of conversations, newest first, refreshed when something changes.
import { useCallback, useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../shared/conversations';
import { bridge } from '../bridge';

const PAGE = 200;

export function useConversations() {
  const [list, setList] = useState<ConversationSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setList((await bridge.invoke('conversations:list', { limit: PAGE })).items);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { list, error, refresh };
}
