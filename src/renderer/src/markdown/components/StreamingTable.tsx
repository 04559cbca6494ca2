import { memo } from 'react';
import type { Components } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS, Passthrough } from '../plugins.ts';
import { tailPieceSource } from '../tail-repair.ts';

// Each chunk is parsed as a table of its own and poured into the one <table> below, in the same
// elements a whole-table parse gives (one <thead>, one <tbody>), so a table that settles keeps
// its rows as they are. The first chunk is the header alone; every later chunk drops its
// (repeated) header. Module-level so memo holds.
const HEAD: Components = { ...COMPONENTS, table: Passthrough, thead: Passthrough };
const ROWS: Components = { ...COMPONENTS, table: Passthrough, thead: () => null, tbody: Passthrough };

/**
 * A table cut into rows (table-tail.ts): completed rows stay as they are, only the last one
 * re-renders while it grows. Used for the streaming tail, and for the same block once it has
 * settled, so settling re-renders no row whose text is final.
 */
export function StreamingTable({ info, chunks, definitions }: { info: BlockInfo; chunks: string[]; definitions: string }) {
  const source = (i: number): string => (info.settled ? (chunks[i] ?? '') + (definitions ? '\n\n' + definitions : '') : tailPieceSource(chunks, i, definitions));
  // A completed row can no longer change, so its math is typeset (in idle time) while the table
  // still grows: settling then leaves it alone.
  const complete = (i: number): boolean => info.settled || i < chunks.length - 1;
  const chunk = (i: number) => {
    const text = source(i);
    return <TableChunk key={i} info={info} source={text} head={i === 0} math={complete(i) && text.includes('$')} />;
  };
  return (
    <table tabIndex={0}>
      <thead>{chunk(0)}</thead>
      <tbody>{chunks.slice(1).map((_, i) => chunk(i + 1))}</tbody>
    </table>
  );
}

// The block's info changes when it settles, but no table cell can hold a code block (the only
// reader of it), so it alone does not re-render a row.
const TableChunk = memo(
  function TableChunk({ info, source, head, math }: { info: BlockInfo; source: string; head: boolean; math: boolean }) {
    return <MarkdownBody info={info} source={source} math={math} components={head ? HEAD : ROWS} />;
  },
  (a, b) => a.source === b.source && a.head === b.head && a.math === b.math && a.info.key === b.info.key,
);
