import { memo } from 'react';
import { CodeView } from './CodeView.tsx';

// A tail that is nothing but an open fence skips markdown parsing entirely. The code is cut into
// chunks at line ends every few KB; a chunk's bounds depend only on the text before it, so every
// chunk but the last stays identical and is not re-rendered as the fence grows.
const CHUNK = 4096;

export function StreamingCode({ raw }: { raw: string }) {
  const firstNl = raw.indexOf('\n');
  const opener = raw.slice(0, firstNl < 0 ? raw.length : firstNl);
  const lang = /^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`]*)/.exec(opener)?.[1] ?? '';
  const body = firstNl < 0 ? '' : raw.slice(firstNl + 1);
  const chunks: string[] = [];
  for (let start = 0; start < body.length; ) {
    const nl = body.indexOf('\n', start + CHUNK);
    const end = nl < 0 ? body.length : nl + 1;
    chunks.push(body.slice(start, end));
    start = end;
  }
  return (
    <CodeView lang={lang} code={body} status="streaming">
      {chunks.map((text, i) => (
        <Chunk key={i} text={text} />
      ))}
    </CodeView>
  );
}

const Chunk = memo(function Chunk({ text }: { text: string }) {
  return <>{text}</>;
});
