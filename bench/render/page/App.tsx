import { useSyncExternalStore } from 'react';
import { MarkdownMessage } from '../../../src/renderer/src/markdown/index.ts';
import { OneShotMarkdown } from '../../../src/renderer/src/markdown/OneShotMarkdown.tsx';
import type { FrameStore } from './store.ts';

/** 'idle' subscribes and commits like the others but renders no text: the page's own cost. */
export type Mode = 'memo' | 'naive' | 'idle';

/** One message bound to the frame store, rendered the new way or the naive way. */
export function Live({ store, mode }: { store: FrameStore; mode: Mode }) {
  const { text, streaming } = useSyncExternalStore(store.subscribe, store.get);
  if (mode === 'memo') return <MarkdownMessage text={text} streaming={streaming} />;
  if (mode === 'idle') return <div className="md-message" data-length={text.length} />;
  return (
    <div className="md-message">
      <OneShotMarkdown text={text} streaming={streaming} />
    </div>
  );
}

export function Static({ text, mode }: { text: string; mode: Mode }) {
  if (mode === 'memo') return <MarkdownMessage text={text} streaming={false} />;
  return (
    <div className="md-message">
      <OneShotMarkdown text={text} />
    </div>
  );
}
