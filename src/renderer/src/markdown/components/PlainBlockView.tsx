import type { PlainBlock } from '../plain-inline.ts';
import { PlainInlines } from './PlainInlines.tsx';

/** A paragraph or heading read without the parser, in its block quotes, with the line breaks the parser puts around them. */
export function PlainBlockView({ block }: { block: PlainBlock }) {
  const Tag = block.tag;
  let view = (
    <Tag>
      <PlainInlines pieces={block.pieces} />
    </Tag>
  );
  for (let q = 0; q < block.quotes; q++) {
    view = (
      <blockquote>
        {'\n'}
        {view}
        {'\n'}
      </blockquote>
    );
  }
  return view;
}
