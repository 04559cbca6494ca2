import { useId, useMemo } from 'react';
import { MarkdownBody } from './MarkdownBody.tsx';
import { renderStats } from './render-stats.ts';

/**
 * The whole message through one react-markdown, with the same plugins and components. Used for
 * messages with footnotes once they settle (numbering is document-wide), as the reference the
 * final DOM is compared against, and as the naive baseline in the benchmark.
 */
export function OneShotMarkdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const id = useId();
  const info = useMemo(() => ({ key: id, settled: !streaming }), [id, streaming]);
  renderStats.blockRenders++;
  renderStats.onBlockRender?.(id);
  return <MarkdownBody info={info} source={text} />;
}
