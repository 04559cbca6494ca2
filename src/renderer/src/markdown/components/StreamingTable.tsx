import { memo, useMemo } from 'react';
import type { Components } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS, Passthrough } from '../plugins.ts';
import { alignments, plainRowCells } from '../table-cells.ts';
import type { Align } from '../table-cells.ts';
import { repairInline, tailPieceSource } from '../tail-repair.ts';
import { PlainTableRow } from './PlainTableRow.tsx';

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
  const head = chunks[0] ?? '';
  // The delimiter row gives every cell's alignment.
  const aligns = useMemo(() => alignments(head.split('\n')[1] ?? ''), [head]);
  const source = (i: number): string => tailPieceSource(chunks, i, definitions, !info.settled);
  const complete = (i: number): boolean => info.settled || i < chunks.length - 1;
  const row = (i: number) => {
    const text = source(i);
    const line = (chunks[i] ?? '').slice(head.length).replace(/\n$/, '');
    // The cell still arriving is repaired like any streaming text ("**bo" shows as bold).
    const shown = complete(i) ? line : openCellRepaired(line);
    return <Row key={i} info={info} line={shown} aligns={aligns} source={text} head={false} />;
  };
  // No body rows (only the header has arrived, or the table has none): no body, as parsed.
  return (
    <table tabIndex={0}>
      <thead>
        <Row info={info} line={head.slice(0, head.indexOf('\n'))} aligns={aligns} source={source(0)} head />
      </thead>
      {chunks.length > 1 && <tbody>{chunks.slice(1).map((_, i) => row(i + 1))}</tbody>}
    </table>
  );
}

function openCellRepaired(line: string): string {
  const cut = line.lastIndexOf('|') + 1;
  return line.slice(0, cut) + repairInline(line.slice(cut));
}

// The block's info changes when it settles, but no table cell can hold a code block (the only
// reader of it), so it alone does not re-render a row.
const TableChunk = memo(
  function TableChunk({ info, source, head }: { info: BlockInfo; source: string; head: boolean }) {
    return <MarkdownBody info={info} source={source} components={head ? HEAD : ROWS} />;
  },
  (a, b) => a.source === b.source && a.head === b.head && a.info.key === b.info.key,
);

interface RowProps {
  info: BlockInfo;
  /** The row's line as shown (a body row's open cell repaired while it streams). */
  line: string;
  aligns: readonly Align[];
  /** The row as a table of its own, for the parser when the row is not plain. */
  source: string;
  head: boolean;
}

/** The header row or a body row: straight from its cells when they are plain, else parsed as a table of its own. */
const Row = memo(
  function Row({ info, line, aligns, source, head }: RowProps) {
    const cells = plainRowCells(line, aligns.length);
    if (cells) return <PlainTableRow cells={cells} aligns={aligns} head={head} />;
    return <TableChunk info={info} source={source} head={head} />;
  },
  (a, b) => a.line === b.line && a.aligns === b.aligns && a.source === b.source && a.head === b.head && a.info.key === b.info.key,
);
