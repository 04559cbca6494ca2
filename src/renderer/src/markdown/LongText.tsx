// Plain text in chunks that Chromium lays out one by one and skips while off screen
// (content-visibility), so a megabyte-long word displays at once and a streaming one costs a frame
// only its last chunk. Words wrap anywhere; nothing is parsed as markdown.
import { memo } from 'react';
import { longTextChunks } from './long-words.ts';

const Chunk = memo(function Chunk({ text }: { text: string }) {
  return <div className="long-text-chunk">{text}</div>;
});

export const LongText = memo(function LongText({ text }: { text: string }) {
  return (
    <div className="long-text" data-testid="long-text">
      {longTextChunks(text).map((chunk, i) => (
        // The index is the chunk's identity: boundaries never move as the text grows.
        <Chunk key={i} text={chunk} />
      ))}
    </div>
  );
});
