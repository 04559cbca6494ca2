import { useSyncExternalStore } from 'react';
import type { ComponentType } from 'react';
import { MarkdownMessage } from '../../../src/renderer/src/markdown/index.ts';
import { OneShotMarkdown } from '../../../src/renderer/src/markdown/OneShotMarkdown.tsx';
import type { FrameStore } from './store.ts';
import { TextFloor } from './TextFloor.tsx';

/**
 * 'idle' subscribes and commits like the others but renders no text: the page's own cost. 'text'
 * renders the text without markdown (TextFloor.tsx): what a frame costs this browser at least. Peer
 * renderers (Streamdown, incremark) are registered by the peers page only, so the tests' page
 * does not build them.
 */
export type Mode = 'memo' | 'naive' | 'idle' | 'text' | PeerName;

export type PeerName = 'streamdown' | 'streamdown+code+math' | 'incremark';
export type PeerRenderer = ComponentType<{ text: string; streaming: boolean }>;
export const PEERS: Partial<Record<PeerName, PeerRenderer>> = {};

/** One message bound to the frame store, rendered the new way or the naive way. */
export function Live({ store, mode }: { store: FrameStore; mode: Mode }) {
  const { text, streaming } = useSyncExternalStore(store.subscribe, store.get);
  if (mode === 'memo') return <MarkdownMessage text={text} streaming={streaming} />;
  if (mode === 'idle') return <div className="md-message" data-length={text.length} />;
  if (mode === 'text') return <TextFloor text={text} />;
  if (mode !== 'naive') return <Peer mode={mode} text={text} streaming={streaming} />;
  return (
    <div className="md-message">
      <OneShotMarkdown text={text} streaming={streaming} />
    </div>
  );
}

export function Static({ text, mode }: { text: string; mode: Mode }) {
  if (mode === 'memo') return <MarkdownMessage text={text} streaming={false} />;
  if (mode === 'text') return <TextFloor text={text} />;
  if (mode !== 'naive' && mode !== 'idle') return <Peer mode={mode} text={text} streaming={false} />;
  return (
    <div className="md-message">
      <OneShotMarkdown text={text} />
    </div>
  );
}

function Peer({ mode, text, streaming }: { mode: PeerName; text: string; streaming: boolean }) {
  const Renderer = PEERS[mode];
  if (!Renderer) throw new Error(`${mode} is only on the peers page (peers.html)`);
  return (
    <div className="md-message">
      <Renderer text={text} streaming={streaming} />
    </div>
  );
}
