// The sidebar's list of conversations, newest first, refreshed when something changes.
import { useCallback, useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../shared/conversations';
import { bridge } from '../bridge';

const PAGE = 200;

export function useConversations() {
  const [list, setList] = useState<ConversationSummary[]>([]);

  const refresh = useCallback(async () => {
    try {
      setList((await bridge.invoke('conversations:list', { limit: PAGE })).items);
    } catch {
      // The sidebar keeps the list it has; the next change refreshes it again.
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { list, refresh };
}
