import { memo } from 'react';
import type { Align } from '../table-cells.ts';
import type { Inline } from '../plain-inline.ts';
import { TableRow } from './TableRow.tsx';
import { PlainInlines } from './PlainInlines.tsx';

/**
 * A row rendered from its cells without the markdown pipeline (table-cells.ts): the same
 * elements and attributes react-markdown gives for the same row (an aligned cell carries
 * `text-align` in its style), header cells (`head`) as `th`.
 */
export const PlainTableRow = memo(function PlainTableRow({ cells, aligns, head = false }: { cells: Inline[][]; aligns: readonly Align[]; head?: boolean }) {
  const Cell = head ? 'th' : 'td';
  return (
    <TableRow>
      {cells.map((pieces, i) => {
        const align = aligns[i];
        return (
          <Cell key={i} style={align ? { textAlign: align } : undefined}>
            <PlainInlines pieces={pieces} />
          </Cell>
        );
      })}
    </TableRow>
  );
});
