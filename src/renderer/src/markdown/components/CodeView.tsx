import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { CSSProperties } from 'react';
import { CopyButton } from './CopyButton.tsx';
import { extent } from '../code-parts.ts';
import { showPart } from '../part-content.ts';
import type { Head, PartSlots, Shown } from '../part-content.ts';

/** Every part shows markup for its text ('done'), some do not yet ('pending'), or none will ('plain'). */
export type HighlightStatus = 'pending' | 'done' | 'plain';

interface Props {
  lang: string;
  code: string;
  status: HighlightStatus;
  /** The code cut into parts of whole lines (code-parts.ts). */
  parts: string[];
  /** Highlighted markup per part, when it has arrived. */
  html?: ReadonlyArray<string | undefined> | null;
  /** How many leading parts show their highlighted markup; the rest stay plain until swapped in. */
  shown?: number;
  /** Markup for the first `chars` characters of part `shown` (the growing last part). */
  head?: Head | null;
  /** Where each mounted part registers its element (see PartSlot). */
  slots?: PartSlots;
}

/** The look of every code block: language label, Copy button, then the code, part by part. */
export function CodeView({ lang, code, status, parts, html, shown = 0, head = null, slots }: Props) {
  // The class is the same before and after highlighting, so the swap changes no box.
  const className = lang ? `language-${lang} hljs` : undefined;
  return (
    <div className="md-code" data-highlight={status}>
      <div className="md-code-header">
        <span className="md-code-lang">{lang || 'text'}</span>
        <CopyButton text={code} />
      </div>
      {/* Focusable, so a keyboard can scroll a long line sideways. */}
      <pre tabIndex={0}>
        <code className={className}>
          {Array.from({ length: Math.ceil(parts.length / GROUP) }, (_, g) => (
            <PartGroup key={g} from={g * GROUP} parts={parts} html={html} shown={shown} head={head} slots={slots} />
          ))}
        </code>
      </pre>
    </div>
  );
}

// Parts are rendered in groups, so that a commit which lights one part (an idle slice swapping
// markup in, a frame growing the last part) visits a few dozen groups and the parts of the group
// that changed, not every part: a 200 KB block has over 300 parts, and each slice rendered them
// all. A group is a fragment: the DOM is the same as without it.
const GROUP = 16;

interface GroupProps {
  from: number;
  parts: string[];
  html: Props['html'];
  shown: number;
  head: Props['head'];
  slots: Props['slots'];
}

const PartGroup = memo(
  function PartGroup(props: GroupProps) {
    const end = Math.min(props.parts.length, props.from + GROUP);
    const out = [];
    for (let i = props.from; i < end; i++) out.push(<Part key={i} index={i} slots={props.slots} text={props.parts[i] ?? ''} html={htmlAt(props, i)} head={headAt(props, i)} />);
    return <>{out}</>;
  },
  (a, b) => {
    if (a.from !== b.from || a.slots !== b.slots) return false;
    for (let i = a.from; i < a.from + GROUP; i++) {
      if (a.parts[i] !== b.parts[i] || htmlAt(a, i) !== htmlAt(b, i) || headAt(a, i) !== headAt(b, i)) return false;
    }
    return true;
  },
);

// What part `i` is given besides its text (compared every commit of a growing block, so no
// objects are made here): its markup once it is shown, the head markup if it is the growing part.
function htmlAt({ html, shown }: GroupProps, i: number): string | undefined {
  return html && i < shown ? html[i] : undefined;
}

function headAt({ shown, head }: GroupProps, i: number): Props['head'] {
  return i === shown ? head : null;
}

/**
 * One part of whole lines: unchanged parts are not re-rendered as a fence grows or lights up.
 * Off screen a part is skipped (markdown.css) and holds the height of its lines, so a 200 KB block
 * costs layout for what is visible only, and its height is the same laid out or not.
 */
interface PartProps {
  index: number;
  slots: Props['slots'];
  text: string;
  html: string | undefined;
  head: Props['head'];
}

const Part = memo(function Part({ index, slots, text, html, head }: PartProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const shown = useRef<Shown>({ markup: null, stable: 0, tail: [], rest: null });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!slots || !el) return;
    slots.set(index, { el, shown: shown.current, text });
    return () => {
      if (slots.get(index)?.el === el) slots.delete(index);
    };
  }, [slots, index, text]);
  // Its content is set here rather than by React (part-content.ts): a growing part shows markup
  // for its start and the rest as one text node after it, replaces only the markup of its last
  // lines as newer arrives, and keeps its DOM when markup for the whole text reads the same.
  useLayoutEffect(() => {
    if (ref.current) showPart(ref.current, shown.current, text, html, head);
  }, [text, html, head]);
  // The same style object while the text is the same: a swap that lights the part then leaves
  // its element's attributes alone instead of having React compare and set them again.
  const style = useMemo(() => partStyle(text), [text]);
  return <span ref={ref} className="md-code-part" style={style} />;
});

// A part's width comes from its longest line (markdown.css turns the columns into a width), given
// rather than measured: a part sized to its content would cost every swap and every growing frame
// a second pass over its lines, and a part off screen would add nothing to how far the block
// scrolls sideways.
function partStyle(text: string): CSSProperties {
  const { lines, columns } = extent(text);
  return { containIntrinsicBlockSize: `auto ${lines}lh`, '--md-code-columns': String(columns) } as CSSProperties;
}

