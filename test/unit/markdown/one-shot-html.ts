// What react-markdown alone shows for a text, with the app's grammar, components and URL rule: the
// reference the renderer's fast paths are held to.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { REMARK_PLUGINS } from '../../../src/shared/markdown/grammar.ts';
import { COMPONENTS } from '../../../src/renderer/src/markdown/plugins.ts';
import { safeUrl } from '../../../src/renderer/src/markdown/safe-url.ts';

export const oneShotHtml = (text: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: REMARK_PLUGINS, components: COMPONENTS, urlTransform: safeUrl }, text));
