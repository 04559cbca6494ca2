import { memo } from 'react';
import { CopyButton } from './CopyButton.tsx';

export type HighlightStatus = 'streaming' | 'pending' | 'done' | 'plain';

interface Props {
  lang: string;
  code: string;
  status: HighlightStatus;
  /** The code cut into parts of whole lines (code-parts.ts). */
  parts: string[];
  /** Highlighted markup per part, when it has arrived. */
  html?: ReadonlyArray<string | undefined> | null;
  /** How many leading parts show their highlighted markup; the rest stay plain until swapped in. */
  shown?: number;
}

/** The look of every code block: language label, Copy button, then the code, part by part. */
export function CodeView({ lang, code, status, parts, html, shown = 0 }: Props) {
  // The class is the same before and after highlighting, so the swap changes no box.
  const className = lang ? `language-${lang} hljs` : undefined;
  return (
    <div className="md-code" data-highlight={status}>
      <div className="md-code-header">
        <span className="md-code-lang">{lang || 'text'}</span>
        <CopyButton text={code} />
      </div>
      {/* Focusable, so a keyboard can scroll a long line sideways. */}
      <pre tabIndex={0}>
        <code className={className}>
          {parts.map((text, i) => (
            <Part key={i} text={text} html={html && i < shown ? html[i] : undefined} />
          ))}
        </code>
      </pre>
    </div>
  );
}

/**
 * One part of whole lines: unchanged parts are not re-rendered as a fence grows or lights up.
 * Off screen a part is skipped (markdown.css) and holds the height of its lines, so a 200 KB block
 * costs layout for what is visible only, and its height is the same laid out or not.
 */
const Part = memo(function Part({ text, html }: { text: string; html: string | undefined }) {
  const style = { containIntrinsicBlockSize: `auto ${lineCount(text)}lh` };
  if (html !== undefined) return <span className="md-code-part" style={style} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <span className="md-code-part" style={style}>
      {text}
    </span>
  );
});

function lineCount(text: string): number {
  let n = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
