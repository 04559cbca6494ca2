import { Children, Fragment, memo, useMemo } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import type { ListChunks } from '../list-tail.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS } from '../plugins.ts';
import { plainParagraph } from '../plain-inline.ts';
import { tailPieceText, withDefinitions } from '../tail-repair.ts';
import { PlainInlines } from './PlainInlines.tsx';

/**
 * A list cut into items (list-tail.ts): finished items stay as they are, only the last one
 * re-renders while it grows. Each item is parsed as a one-item list whose `<li>` is poured into
 * this list element, with the line breaks between items a whole-list parse gives, so the DOM is
 * the same. Used for the streaming tail, and for the same block once it settles.
 */
export function StreamingList({ info, list, definitions }: { info: BlockInfo; list: ListChunks; definitions: string }) {
  const source = (own: string): string =>
    // A loose list's item is followed by a stand-in item after a blank line (the first <li> is kept).
    withDefinitions(list.loose ? own.replace(/\n*$/, '\n\n') + list.standIn : own, definitions);
  const components = list.loose ? LOOSE_ITEM_COMPONENTS : ITEM_COMPONENTS;
  const items = list.items.map((_, i) => {
    const own = tailPieceText(list.items, i, !info.settled);
    return (
      <Fragment key={i}>
        <Item info={info} own={own} source={source(own)} components={components} loose={list.loose} />
        {'\n'}
      </Fragment>
    );
  });
  const className = list.tasks ? 'contains-task-list' : undefined;
  if (!list.ordered) return <ul className={className}>{['\n', ...items]}</ul>;
  return (
    <ol start={list.start === 1 ? undefined : list.start} className={className}>
      {['\n', ...items]}
    </ol>
  );
}

// A code block in an item learns from the block's info that it settled (its highlighting is then
// final); other items need not render again when the list settles.
const holdsCode = (source: string): boolean => /`{3}|~{3}|\n(?:\t| {4})/.test(source);

interface ItemProps {
  info: BlockInfo;
  /** The item's own markdown, marker included. */
  own: string;
  /** What is parsed for it: the item, a loose list's stand-in, definitions. */
  source: string;
  components: Components;
  loose: boolean;
}

const Item = memo(
  function Item({ info, own, source, components, loose }: ItemProps) {
    // An item of one line whose inline markdown is certain skips the parser, as a paragraph does;
    // in a loose list its text is a paragraph of its own, between the line breaks the parser gives.
    const plain = useMemo(() => plainItem(own), [own]);
    if (plain) return <li>{loose ? ['\n', <p key="p">{plain}</p>, '\n'] : plain}</li>;
    return <MarkdownBody info={info} source={source} components={components} />;
  },
  (a, b) =>
    a.source === b.source && a.components === b.components && a.info.key === b.info.key && (a.info.settled === b.info.settled || !holdsCode(a.source)),
);

// An item's marker and the one space after it (list-tail.ts takes no more than one).
const MARKER = /^(?:[-*+]|\d{1,9}[.)]) (?![ \t])/;

/** The item's text as inline elements when it is one line the parser need not read. */
function plainItem(own: string): ReactNode | null {
  const line = own.replace(/\n+$/, '');
  const marker = MARKER.exec(line);
  const pieces = marker && !line.includes('\n') ? plainParagraph(line.slice(marker[0].length)) : null;
  return pieces && <PlainInlines pieces={pieces} />;
}

type ListProps = ComponentProps<'ul'> & ExtraProps;

/**
 * The item's own one-item list gives its `<li>` alone (the first: a loose list's stand-in item
 * follows it); a list nested in the item is kept.
 */
function ItemList(tag: 'ul' | 'ol', firstOnly: boolean) {
  return function List({ node, children, ...props }: ListProps) {
    if (node?.position?.start.offset === 0) return <>{Children.toArray(children).filter(isElement).slice(0, firstOnly ? 1 : undefined)}</>;
    const Tag = tag;
    return <Tag {...(props as ComponentProps<'ol'>)}>{children}</Tag>;
  };
}

function isElement(child: ReactNode): boolean {
  return typeof child !== 'string' || child.trim() !== '';
}

const ITEM_COMPONENTS: Components = { ...COMPONENTS, ul: ItemList('ul', false), ol: ItemList('ol', false) };
const LOOSE_ITEM_COMPONENTS: Components = { ...COMPONENTS, ul: ItemList('ul', true), ol: ItemList('ol', true) };
