import type { Node } from 'unist';
import type { Processor } from 'unified';

// A settled block with math is rendered twice: plain in the frame that settles it, then typeset
// once KaTeX is in (math.ts), in idle time. Both renders parse the same source; the syntax tree
// of the first is kept for the second, so typesetting costs KaTeX and not another parse. Nothing
// after parsing changes the tree (remark-gfm and remark-math add no transforms; remark-rehype
// builds a new tree), so one tree can serve both.

const KEEP = 32;
const trees = new Map<string, Node>();

/** Remark plugin: parses a source that holds math once for both of its renders. */
export function reuseParse(this: Processor): void {
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document, file) => {
    if (!document.includes('$')) return parse(document, file);
    const hit = trees.get(document);
    if (hit) {
      trees.delete(document);
      return hit;
    }
    const tree = parse(document, file);
    trees.set(document, tree);
    if (trees.size > KEEP) trees.delete(trees.keys().next().value as string);
    return tree;
  };
}
