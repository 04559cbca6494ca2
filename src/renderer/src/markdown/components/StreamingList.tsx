import { Children, Fragment, memo, useMemo } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import type { BlockInfo } from '../block-context.ts';
import { itemParts, taskBox } from '../list-tail.ts';
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
    // A loose list's item is followed by a stand-in item after a blank line (the first <li> is
    // kept). An item still empty (its marker arriving, hidden by the repair) shows nothing, not
    // the stand-in.
    own.trim() === '' ? '' : withDefinitions(list.loose ? own.replace(/\n*$/, '\n\n') + list.standIn : own, definitions);
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
    // An item whose first line's inline markdown is certain skips the parser, as a paragraph does,
    // its nested list (if any) cut into items in turn. In a loose list its text is a paragraph of
    // its own. The line breaks around them are the ones the parser gives.
    const plain = useMemo(() => plainItem(own, !info.settled), [own, info.settled]);
    if (!plain) return <MarkdownBody info={info} source={source} components={components} />;
    const nested = plain.nested && <StreamingList info={info} list={plain.nested} definitions="" />;
    const after = nested && '\n';
    const className = plain.checked === null ? undefined : 'task-list-item';
    // A task's box, as remark-gfm makes it: disabled, then the spaces after it in the source.
    const text =
      plain.checked === null ? (
        plain.text
      ) : (
        <>
          <input type="checkbox" checked={plain.checked} disabled />
          {plain.space}
          {plain.text}
        </>
      );
    if (loose) {
      return (
        <li className={className}>
          {'\n'}
          <p>{text}</p>
          {'\n'}
          {nested}
          {after}
        </li>
      );
    }
    return (
      <li className={className}>
        {text}
        {after}
        {nested}
        {after}
      </li>
    );
  },
  (a, b) =>
    a.source === b.source && a.components === b.components && a.info.key === b.info.key && (a.info.settled === b.info.settled || !holdsCode(a.source)),
);

interface PlainItem {
  text: ReactNode;
  /** A task item's box (checked or not), or null for any other item. */
  checked: boolean | null;
  /** The spaces between a task's box and its text. */
  space: string;
  /** The list nested in the item, below its first line. */
  nested: ListChunks | null;
}

/** The item's first line as inline elements when the parser need not read it, and its nested list cut into items. */
function plainItem(own: string, growing: boolean): PlainItem | null {
  const parts = itemParts(own, growing);
  if (!parts) return null;
  // "[ ] " or "[x] " then text: a task, its text read after the box.
  const task = taskBox(parts.text);
  const pieces = plainParagraph(task ? parts.text.slice(3 + task.space.length) : parts.text);
  return pieces ? { text: <PlainInlines pieces={pieces} />, checked: task?.checked ?? null, space: task?.space ?? '', nested: parts.nested } : null;
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
