import { useMemo } from 'react';
import Markdown from 'react-markdown';
import type { Components } from 'react-markdown';
import type { PluggableList } from 'unified';
import { BlockContext } from './block-context.ts';
import type { BlockInfo } from './block-context.ts';
import { REMARK_PLUGINS } from './grammar.ts';
import { COMPONENTS } from './plugins.ts';
import { renderStats } from './render-stats.ts';
import { safeUrl } from './safe-url.ts';
import { SourceContext } from './source-context.ts';

/** react-markdown with the one configuration every rendering path shares. */
export function MarkdownBody({
  info,
  source,
  components = COMPONENTS,
  remarkPlugins,
}: {
  info: BlockInfo;
  source: string;
  /** Module-level objects only: a new object per render would defeat memoization. */
  components?: Components;
  /** Module-level or memoized too; replaces the grammar's plugins (it must include them). */
  remarkPlugins?: PluggableList;
}) {
  // The same element while the source is the same: a block that settles with the text it already
  // showed (the reply's last block when the reply ends) is not parsed again. Its code blocks still
  // learn that it settled through the context.
  const body = useMemo(() => {
    renderStats.parsedChars += source.length;
    return (
      <Markdown remarkPlugins={remarkPlugins ?? REMARK_PLUGINS} components={components} urlTransform={safeUrl}>
        {source}
      </Markdown>
    );
  }, [source, components, remarkPlugins]);
  return (
    <BlockContext.Provider value={info}>
      <SourceContext.Provider value={source}>{body}</SourceContext.Provider>
    </BlockContext.Provider>
  );
}
