import type { KeyboardEvent } from 'react';
import type { SearchMatch, SearchPostResult } from '../../../shared/api-search';

/** One matching line: its number and the line with the match marked. */
function MatchLine({ match }: { match: SearchMatch }) {
  return (
    <>
      <span className="search-line-number">{match.line}</span>
      <span className="search-line-text">
        {match.lineText.slice(0, match.start)}
        <mark>{match.lineText.slice(match.start, match.end)}</mark>
        {match.lineText.slice(match.end)}
      </span>
    </>
  );
}

/** Moves the focus to the previous or next result button with the arrow keys. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.search-match')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The ranked results: each post's title, then its matching lines as buttons (Enter opens at the match). */
export function SearchResultList({
  results,
  onOpen,
}: {
  results: SearchPostResult[];
  onOpen: (id: string, match: SearchMatch) => void;
}) {
  return (
    <ul className="search-results" aria-label="Search results" onKeyDown={moveFocus}>
      {results.map((post) => (
        <li key={post.id} className="search-result" aria-label={post.title}>
          <div className="search-result-title">
            <strong>{post.title}</strong> <span className="search-result-id">{post.id}</span>{' '}
            <span className="search-result-count">
              {post.matchCount === 1 ? '1 match' : `${post.matchCount} matches`}
            </span>
          </div>
          <ul className="search-matches">
            {post.matches.map((match) => (
              <li key={match.offset}>
                <button
                  type="button"
                  className="search-match"
                  aria-label={`${post.title}, line ${match.line}: ${match.lineText.trim()}`}
                  onClick={() => onOpen(post.id, match)}
                >
                  <MatchLine match={match} />
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
