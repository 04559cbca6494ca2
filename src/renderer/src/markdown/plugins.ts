import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { ReactNode } from 'react';
import type { Components } from 'react-markdown';
import type { PluggableList } from 'unified';
import { CodeBlock } from './components/CodeBlock.tsx';
import { RemoteImage } from './components/RemoteImage.tsx';
import { SafeLink } from './components/SafeLink.tsx';
import { createElement, Fragment } from 'react';

// Module-level so their identity never changes: a new array or object per render would defeat
// every memoized block.
export const REMARK_PLUGINS: PluggableList = [remarkGfm, remarkMath];

export const COMPONENTS: Components = {
  pre: CodeBlock,
  a: SafeLink,
  img: RemoteImage,
};

/** Renders an element's children without the element: pieces poured into one parent element. */
export function Passthrough({ children }: { children?: ReactNode }) {
  return createElement(Fragment, null, children);
}
