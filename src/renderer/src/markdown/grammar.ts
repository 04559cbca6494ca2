import { unified } from 'unified';
import type { Data, PluggableList, Processor } from 'unified';
import { REMARK_PLUGINS as GRAMMAR } from '../../../shared/markdown/grammar.ts';

// The markdown grammar, shared by the renderer and the splitter's verifying parser: a boundary the
// splitter accepts must be one the renderer sees. It lives in shared so main's export renderer
// parses model text with the very same plugins.
//
// react-markdown builds a processor on every render, and attaching remark-gfm and remark-math
// builds their syntax extensions anew each time (GFM's alone combines five): about a tenth of a
// streaming frame's script. They are attached once here; each processor gets what they made.

const KEYS = ['micromarkExtensions', 'fromMarkdownExtensions', 'toMarkdownExtensions'] as const;
const attached: Data = unified().use(GRAMMAR).freeze().data();

function grammar(this: Processor): void {
  const data = this.data() as Record<string, unknown[] | undefined>;
  const made = attached as Record<string, unknown[] | undefined>;
  for (const key of KEYS) data[key] = [...(data[key] ?? []), ...(made[key] ?? [])];
}

// Module-level so its identity never changes: a new array per render would defeat every memoized
// block.
export const REMARK_PLUGINS: PluggableList = [grammar];
