import { memo } from 'react';
import type { Align, Inline } from '../table-cells.ts';
import { safeUrl } from '../safe-url.ts';
import { SafeLink } from './SafeLink.tsx';
import { TableRow } from './TableRow.tsx';
import { InlineMath } from './Formula.tsx';

/**
 * A body row rendered from its cells without the markdown pipeline (table-cells.ts): the same
 * elements and attributes react-markdown gives for the same row (an aligned cell carries
 * `text-align` in its style, links go through the same URL rule and SafeLink).
 */
export const PlainTableRow = memo(function PlainTableRow({ cells, aligns }: { cells: Inline[][]; aligns: readonly Align[] }) {
  return (
    <TableRow>
      {cells.map((pieces, i) => {
        const align = aligns[i];
        return (
          <td key={i} style={align ? { textAlign: align } : undefined}>
            {pieces.map(inline)}
          </td>
        );
      })}
    </TableRow>
  );
});

function inline(piece: Inline, key: number) {
  switch (piece.kind) {
    case 'text':
      return piece.text;
    case 'code':
      return <code key={key}>{piece.text}</code>;
    case 'math':
      return <InlineMath key={key} tex={piece.text} />;
    case 'em':
      return <em key={key}>{piece.text}</em>;
    case 'strong':
      return <strong key={key}>{piece.text}</strong>;
    case 'del':
      return <del key={key}>{piece.text}</del>;
    case 'link':
      return (
        <SafeLink key={key} href={safeUrl(piece.href, 'href')}>
          {piece.text}
        </SafeLink>
      );
  }
}
