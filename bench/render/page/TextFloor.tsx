import { memo } from 'react';
import { GROUP } from '../../../src/renderer/src/markdown/MarkdownMessage.tsx';

/**
 * The floor under the frame figures: the reply's text with no markdown at all, each paragraph's raw
 * characters in a memoized <p>, in groups as Plume's blocks are (same size and classes, so the same
 * containment and off-screen skipping). A frame of this costs what any renderer pays this browser
 * for a growing text: one React commit, one text node changed, its paragraph laid out again.
 */
export function TextFloor({ text }: { text: string }) {
  const paragraphs = text.split('\n\n');
  const groups: string[][] = [];
  for (let i = 0; i < paragraphs.length; i += GROUP) groups.push(paragraphs.slice(i, i + GROUP));
  return (
    <div className="md-message">
      {groups.map((g, i) => (
        <Group key={i} paragraphs={g} />
      ))}
    </div>
  );
}

const Group = memo(
  function Group({ paragraphs }: { paragraphs: string[] }) {
    return (
      <div className="md-group">
        {paragraphs.map((p, i) => (
          <Paragraph key={i} text={p} />
        ))}
      </div>
    );
  },
  (a, b) => a.paragraphs.length === b.paragraphs.length && a.paragraphs.every((p, i) => p === b.paragraphs[i]),
);

const Paragraph = memo(function Paragraph({ text }: { text: string }) {
  return <p>{text}</p>;
});
