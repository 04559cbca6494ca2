import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';

// The markdown grammar, shared by the renderer and the splitter's verifying parser: a boundary the
// splitter accepts must be one the renderer sees. Module-level so its identity never changes: a new
// array per render would defeat every memoized block.
export const REMARK_PLUGINS: PluggableList = [remarkGfm, remarkMath];
