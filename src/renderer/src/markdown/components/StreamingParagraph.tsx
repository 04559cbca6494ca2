import { memo } from 'react';
import type { Components } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS, Passthrough } from '../plugins.ts';
import { repairTail } from '../tail-repair.ts';

// Each piece is parsed as a paragraph of its own and poured into the one <p> below.
const PIECE_COMPONENTS: Components = { ...COMPONENTS, p: Passthrough };

/** A very long streaming line: finished pieces stay as they are, only the last one re-renders. */
export function StreamingParagraph({ info, pieces, definitions }: { info: BlockInfo; pieces: string[]; definitions: string }) {
  const last = pieces.length - 1;
  return (
    <p>
      {pieces.map((text, i) => (
        <Piece
          key={i}
          info={info}
          source={(i === last ? repairTail(text, false) : text) + (definitions ? '\n\n' + definitions : '')}
          space={i > 0}
        />
      ))}
    </p>
  );
}

const Piece = memo(function Piece({ info, source, space }: { info: BlockInfo; source: string; space: boolean }) {
  return (
    <>
      {space && ' '}
      <MarkdownBody info={info} source={source} math={false} components={PIECE_COMPONENTS} />
    </>
  );
});
