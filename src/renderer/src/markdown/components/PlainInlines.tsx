import type { Inline } from '../plain-inline.ts';
import { safeUrl } from '../safe-url.ts';
import { SafeLink } from './SafeLink.tsx';
import { InlineMath } from './Formula.tsx';
import { ReferenceLink } from './ReferenceLink.tsx';

/**
 * Inline pieces read without the markdown pipeline (plain-inline.ts), as the same elements and
 * attributes react-markdown gives for them: links through the same URL rule and SafeLink, math
 * through the formula component that typesets it, references through the message's definitions.
 */
export function PlainInlines({ pieces }: { pieces: readonly Inline[] }) {
  return <>{pieces.map(inline)}</>;
}

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
    case 'ref':
      return (
        <ReferenceLink key={key} id={piece.id} suffix={piece.suffix}>
          {piece.text}
        </ReferenceLink>
      );
    case 'link':
      return (
        <SafeLink key={key} href={safeUrl(piece.href, 'href')}>
          {piece.text}
        </SafeLink>
      );
  }
}
