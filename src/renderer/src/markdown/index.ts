export { MarkdownMessage } from './MarkdownMessage.tsx';
export type { MarkdownMessageProps } from './MarkdownMessage.tsx';
export { setLinkOpener } from './link-opener.ts';
export { setImageLoader } from './image-loader.ts';
export { CopyButton } from './components/CopyButton.tsx';
export { splitMarkdown, emptySplit, tailOf, tailFence, finalDocument } from './split/splitter.ts';
export type { SplitState, StableBlock } from './split/splitter.ts';
export { repairTail } from './tail-repair.ts';
