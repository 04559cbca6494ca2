import { useEffect, useId, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/conversations';
import { parseQuery, type Term } from '../../../shared/search-terms';
import { bridge } from '../bridge';
import { comboboxProps } from '../shell/combobox';
import { useReturnFocus } from '../shell/use-return-focus';
import { hitDate } from './hit-date';

interface Props {
  /** `terms` are the searched words, to mark in the message the hit opens. */
  onPick(hit: SearchHit, terms: readonly Term[]): void;
  onClose(): void;
}

/** Full-text search over every conversation (FTS5 in main), as you type. */
export function SearchDialog({ onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const listId = useId();
  useReturnFocus();
  const pick = (hit: SearchHit) => onPick(hit, parseQuery(query).terms);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      bridge.invoke('search:query', { query, limit: 30 }).then(
        (result) => {
          if (ticket !== latest.current) return;
          setHits(result);
          setSelected(0);
          setError(null);
        },
        (e: Error) => setError(e.message),
      );
    }, 80);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div className="overlay" role="presentation" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dialog search-dialog" role="dialog" aria-modal="true" aria-label="Search conversations">
        <input
          autoFocus
          aria-label="Search conversations"
          {...comboboxProps(listId, hits[selected] ? selected : -1, hits.length > 0)}
          placeholder="Search all conversations…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown') setSelected((i) => Math.min(hits.length - 1, i + 1));
            else if (event.key === 'ArrowUp') setSelected((i) => Math.max(0, i - 1));
            else if (event.key === 'Enter' && hits[selected]) pick(hits[selected] as SearchHit);
          }}
        />
        {error && <p className="form-error" role="alert">{error}</p>}
        <ul className="search-results" role="listbox" aria-label="Results" id={listId}>
          {hits.map((hit, index) => (
            <li
              key={`${hit.conversationId}:${hit.messageId ?? 'title'}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === selected}
              onClick={() => pick(hit)}
              onMouseEnter={() => setSelected(index)}
            >
              <span className="hit-head">
                <span className="hit-title">{hit.conversationTitle ? <Highlighted text={hit.conversationTitle} ranges={hit.titleHighlights ?? []} /> : 'New chat'}</span>
                {hit.at !== undefined && <time className="hit-date" dateTime={new Date(hit.at).toISOString()}>{hitDate(hit.at)}</time>}
              </span>
              {hit.messageId !== null && <span className="hit-snippet"><Highlighted text={hit.snippet.text} ranges={hit.snippet.highlights} /></span>}
            </li>
          ))}
          {query.trim() !== '' && hits.length === 0 && !error && <li className="no-results">No matches.</li>}
        </ul>
      </div>
    </div>
  );
}

/** Marks the matched ranges; the text is plain, so nothing from a message is parsed as HTML. */
function Highlighted({ text, ranges }: { text: string; ranges: ReadonlyArray<[number, number]> }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
