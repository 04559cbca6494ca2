import { Children, Fragment, memo } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import type { ListChunks } from '../list-tail.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS } from '../plugins.ts';
import { tailPieceSource, withDefinitions } from '../tail-repair.ts';

/**
 * A list cut into items (list-tail.ts): finished items stay as they are, only the last one
 * re-renders while it grows. Each item is parsed as a one-item list whose `<li>` is poured into
 * this list element, with the line breaks between items a whole-list parse gives, so the DOM is
 * the same. Used for the streaming tail, and for the same block once it settles.
 */
export function StreamingList({ info, list, definitions }: { info: BlockInfo; list: ListChunks; definitions: string }) {
  const source = (i: number): string => {
    // A loose list's item is followed by a stand-in item after a blank line (the first <li> is kept).
    const own = tailPieceSource(list.items, i, '', !info.settled);
    return withDefinitions(list.loose ? own.replace(/\n*$/, '\n\n') + list.standIn : own, definitions);
  };
  const components = list.loose ? LOOSE_ITEM_COMPONENTS : ITEM_COMPONENTS;
  const items = list.items.map((_, i) => (
    <Fragment key={i}>
      <Item info={info} source={source(i)} components={components} />
      {'\n'}
    </Fragment>
  ));
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

const Item = memo(
  function Item({ info, source, components }: { info: BlockInfo; source: string; components: Components }) {
    return <MarkdownBody info={info} source={source} components={components} />;
  },
  (a, b) =>
    a.source === b.source && a.components === b.components && a.info.key === b.info.key && (a.info.settled === b.info.settled || !holdsCode(a.source)),
);

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
