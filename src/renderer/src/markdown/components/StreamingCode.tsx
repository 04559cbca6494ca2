import { codeParts } from '../code-parts.ts';
import { CodeView } from './CodeView.tsx';

// A tail that is nothing but an open fence skips markdown parsing entirely. Its code is shown in
// parts of whole lines (code-parts.ts): every part but the last stays identical as the fence
// grows, so only the last one re-renders.
export function StreamingCode({ raw }: { raw: string }) {
  const firstNl = raw.indexOf('\n');
  const opener = raw.slice(0, firstNl < 0 ? raw.length : firstNl);
  const lang = /^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`]*)/.exec(opener)?.[1] ?? '';
  const body = firstNl < 0 ? '' : raw.slice(firstNl + 1);
  return <CodeView lang={lang} code={body} status="streaming" parts={codeParts(body)} />;
}
