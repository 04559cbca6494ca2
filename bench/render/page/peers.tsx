// The peers page: the bench page plus the renderers Plume is measured against, each with the
// settings a user of it would start from. Module-level props, so memoized peers stay memoized.
import { Streamdown } from 'streamdown';
import type { PluginConfig } from 'streamdown';
import { code } from '@streamdown/code';
import { math } from '@streamdown/math';
import { IncremarkContent } from '@incremark/react';
import 'katex/dist/katex.min.css';
import 'streamdown/styles.css';
import '@incremark/theme/styles.css';
import { PEERS } from './App.tsx';
import './main.ts';

const CODE_AND_MATH: PluginConfig = { code, math };

PEERS.streamdown = function StreamdownDefaults({ text, streaming }) {
  return (
    <Streamdown mode="streaming" isAnimating={streaming}>
      {text}
    </Streamdown>
  );
};

PEERS['streamdown+code+math'] = function StreamdownPlugins({ text, streaming }) {
  return (
    <Streamdown mode="streaming" isAnimating={streaming} plugins={CODE_AND_MATH}>
      {text}
    </Streamdown>
  );
};

PEERS.incremark = function Incremark({ text, streaming }) {
  return <IncremarkContent content={text} isFinished={!streaming} />;
};
