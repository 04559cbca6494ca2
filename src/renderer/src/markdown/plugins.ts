import type { ReactNode } from 'react';
import type { Components } from 'react-markdown';
import { CodeBlock } from './components/CodeBlock.tsx';
import { InlineCode } from './components/Formula.tsx';
import { RemoteImage } from './components/RemoteImage.tsx';
import { SafeLink } from './components/SafeLink.tsx';
import { TableRow } from './components/TableRow.tsx';
import { ScrollableTable } from './components/ScrollableTable.tsx';
import { createElement, Fragment } from 'react';

// Module-level so its identity never changes: a new object per render would defeat every
// memoized block.
export const COMPONENTS: Components = {
  pre: CodeBlock,
  code: InlineCode,
  a: SafeLink,
  img: RemoteImage,
  tr: TableRow,
  table: ScrollableTable,
};

/** Renders an element's children without the element: pieces poured into one parent element. */
export function Passthrough({ children }: { children?: ReactNode }) {
  return createElement(Fragment, null, children);
}
