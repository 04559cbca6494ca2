import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';

export type HighlightStatus = 'streaming' | 'pending' | 'done' | 'plain';

interface Props {
  lang: string;
  code: string;
  status: HighlightStatus;
  /** Highlighted markup from highlight.js, when status is 'done'. */
  html?: string | null;
  /** Plain content to show instead of `code` (the streaming view passes memoized chunks). */
  children?: ReactNode;
}

/** The look of every code block: language label, Copy button, then the code. */
export function CodeView({ lang, code, status, html, children }: Props) {
  const className = lang ? `language-${lang}${html ? ' hljs' : ''}` : undefined;
  return (
    <div className="md-code" data-highlight={status}>
      <div className="md-code-header">
        <span className="md-code-lang">{lang || 'text'}</span>
        <CopyButton text={code} />
      </div>
      {/* Focusable, so a keyboard can scroll a long line sideways. */}
      <pre tabIndex={0}>
        {html ? (
          <code className={className} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code className={className}>{children ?? code}</code>
        )}
      </pre>
    </div>
  );
}
