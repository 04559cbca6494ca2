import { memo } from 'react';
import type { Align } from '../table-cells.ts';
import type { Inline } from '../plain-inline.ts';
import { TableRow } from './TableRow.tsx';
import { PlainInlines } from './PlainInlines.tsx';

/**
 * A body row rendered from its cells without the markdown pipeline (table-cells.ts): the same
 * elements and attributes react-markdown gives for the same row (an aligned cell carries
 * `text-align` in its style).
 */
export const PlainTableRow = memo(function PlainTableRow({ cells, aligns }: { cells: Inline[][]; aligns: readonly Align[] }) {
  return (
    <TableRow>
      {cells.map((pieces, i) => {
        const align = aligns[i];
        return (
          <td key={i} style={align ? { textAlign: align } : undefined}>
            <PlainInlines pieces={pieces} />
          </td>
        );
      })}
    </TableRow>
  );
});
