import { memo } from 'react';
import type { Components } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS, Passthrough } from '../plugins.ts';
import { tailPieceSource } from '../tail-repair.ts';

// Each chunk renders its rows into the one <table> below: the chunk's own <table> is dropped. The
// first chunk is the header alone; every later chunk drops its (repeated) header. Module-level so
// memo holds.
const FIRST: Components = { ...COMPONENTS, table: Passthrough };
const REST: Components = { ...COMPONENTS, table: Passthrough, thead: () => null };

/** A growing table: completed rows stay as they are, only the last one re-renders. */
export function StreamingTable({ info, chunks, definitions }: { info: BlockInfo; chunks: string[]; definitions: string }) {
  return (
    <table tabIndex={0}>
      {chunks.map((_, i) => (
        <TableChunk
          key={i}
          info={info}
          source={tailPieceSource(chunks, i, definitions)}
          first={i === 0}
        />
      ))}
    </table>
  );
}

const TableChunk = memo(function TableChunk({ info, source, first }: { info: BlockInfo; source: string; first: boolean }) {
  return <MarkdownBody info={info} source={source} math={false} components={first ? FIRST : REST} />;
});
