import { memo, useLayoutEffect, useRef } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useTypeset } from '../math.ts';
import type { Typeset } from '../math.ts';
import { MathPending } from './MathPending.tsx';

/** Inline math (`$…$`): its TeX as remark-math gives it, until KaTeX has typeset it (math.ts). */
// Memoized: the streaming tail re-renders every frame, its finished formulas need not.
export const InlineMath = memo(function InlineMath({ tex }: { tex: string }) {
  const typeset = useTypeset(tex, false);
  if (!typeset) return <code className="language-math math-inline">{tex}</code>;
  return <Formula typeset={typeset} />;
});

/** Display math (`$$…$$`, ```math): `ready` once its closing fence is in (or the block settled). */
export const DisplayMath = memo(function DisplayMath({ tex, ready }: { tex: string; ready: boolean }) {
  const typeset = useTypeset(tex, true, ready);
  if (!typeset) return <MathPending tex={tex} />;
  return <Formula typeset={typeset} />;
});

function Formula({ typeset }: { typeset: Typeset }) {
  const { className, title, color } = typeset;
  const ref = useRef<HTMLSpanElement>(null);
  // Filled in the same commit (before paint) with a copy of the formula's parsed markup.
  useLayoutEffect(() => {
    ref.current?.replaceChildren(parsed(typeset).content.cloneNode(true));
  }, [typeset]);
  return <span ref={ref} className={className} title={title} style={color ? { color } : undefined} />;
}

// A formula's markup parsed once: the same formula shown again (a settled block, a repeated
// symbol) is a copy of these nodes, which costs a fraction of parsing its HTML every time.
const templates = new WeakMap<Typeset, HTMLTemplateElement>();

function parsed(typeset: Typeset): HTMLTemplateElement {
  let template = templates.get(typeset);
  if (!template) {
    template = document.createElement('template');
    template.innerHTML = typeset.inner;
    templates.set(typeset, template);
  }
  return template;
}

/** react-markdown's `code` outside code blocks: inline math goes to KaTeX, the rest as it was. */
export function InlineCode({ node: _node, className, children, ...rest }: ComponentProps<'code'> & ExtraProps) {
  if (className?.split(' ').includes('math-inline')) return <InlineMath tex={String(children ?? '')} />;
  return (
    <code className={className} {...rest}>
      {children}
    </code>
  );
}
