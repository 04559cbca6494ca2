// The markdown grammar and its safety settings, shared by the window (react-markdown), the
// splitter's verifying parser and main's export renderer: one configuration, so an export
// cannot drift from what the window shows.
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';

export const REMARK_PLUGINS: PluggableList = [remarkGfm, remarkMath];

/** trust:false keeps \href, \url and \html* commands from producing links or attributes. */
export const KATEX_OPTIONS = { trust: false, strict: 'ignore', maxSize: 20, maxExpand: 500 } as const;
