// The markdown grammar, shared by the renderer and the splitter's verifying parser: a boundary the
// splitter accepts must be one the renderer sees. It lives in shared so main's export renderer
// parses model text with the very same plugins. Module-level so its identity never changes: a
// new array per render would defeat every memoized block.
export { REMARK_PLUGINS } from '../../../shared/markdown/grammar.ts';
