import { useEffect, useMemo, useRef } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { libraryStore } from '../../state/library-store';
import { commandRegistry } from '../commands/command-registry';
import { openAtMatch } from './open-at-match';
import { ReplacePreviewDialog } from './replace-preview-dialog';
import { SearchResultList } from './search-result-list';
import {
  applyReplace,
  closeSearch,
  openSearch,
  previewReplace,
  runSearch,
  searchStore,
  setSearch,
  undoReplace,
} from './search-store';
import './search.css';

/** Starts the search index once the site's posts are listed, follows its progress, binds Ctrl+Shift+F. */
function useSearchWiring(api: PostdeskApi): void {
  const root = useStore(libraryStore, (library) => (library.listing ? null : (library.site?.root ?? null)));
  useEffect(() => {
    if (root === null) return;
    setSearch({ results: null, preview: null, lastReplace: null });
    void api
      .searchIndexStatus({})
      .then((status) => setSearch({ status }))
      .catch(() => undefined);
  }, [api, root]);
  useEffect(() => api.on('searchIndexProgress', (status) => setSearch({ status })), [api]);
  // A post changed on disk by someone else: the shown results are searched again (once per burst).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('postChanged', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { open, query } = searchStore.get();
        if (open && query.trim() !== '') void runSearch(api);
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api]);
  useEffect(() => {
    const unregister = commandRegistry.register([
      { id: 'search.allPosts', title: 'Search All Posts', keys: 'Ctrl+Shift+F', run: openSearch },
    ]);
    const onKey = (event: KeyboardEvent): void => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'f'
      ) {
        event.preventDefault();
        openSearch();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      unregister();
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}

/**
 * The "Search all posts" panel: the query with its case, whole-word and regex toggles and the
 * section, tag and draft filters; the ranked results; and Replace / Replace all / Undo replace.
 */
export function SearchPanel({ api }: { api: PostdeskApi }) {
  useSearchWiring(api);
  const state = useStore(searchStore);
  const posts = useStore(libraryStore, (library) => library.posts);
  const box = useRef<HTMLInputElement>(null);
  const facets = useMemo(() => {
    const sections = new Set<string>();
    const tags = new Set<string>();
    for (const post of posts) {
      if (post.section) sections.add(post.section);
      for (const tag of post.tags) tags.add(tag);
    }
    return { sections: [...sections].sort(), tags: [...tags].sort() };
  }, [posts]);
  const { open, query, regex, caseSensitive, wholeWord, section, tag, draft } = state;

  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => void runSearch(api), 200);
    return () => clearTimeout(timer);
  }, [api, open, query, regex, caseSensitive, wholeWord, section, tag, draft]);

  if (!open) return null;
  const { results, status } = state;
  const indexing = status !== null && !status.ready;
  return (
    <section className="search-panel" aria-label="Search all posts">
      <div className="search-row">
        <input
          ref={box}
          type="search"
          aria-label="Search all posts"
          placeholder="Search all posts"
          value={query}
          onChange={(event) => setSearch({ query: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') closeSearch();
            if (event.key === 'Enter') void runSearch(api);
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              document.querySelector<HTMLButtonElement>('.search-results button.search-match')?.focus();
            }
          }}
        />
        <label>
          <input
            type="checkbox"
            checked={caseSensitive}
            onChange={(e) => setSearch({ caseSensitive: e.target.checked })}
          />
          Match case
        </label>
        <label>
          <input
            type="checkbox"
            checked={wholeWord}
            onChange={(e) => setSearch({ wholeWord: e.target.checked })}
          />
          Whole word
        </label>
        <label>
          <input type="checkbox" checked={regex} onChange={(e) => setSearch({ regex: e.target.checked })} />
          Regular expression
        </label>
        <button type="button" onClick={closeSearch} aria-label="Close search">
          ×
        </button>
      </div>
      <div className="search-row">
        <label>
          Section{' '}
          <select
            aria-label="Search section"
            value={section}
            onChange={(e) => setSearch({ section: e.target.value })}
          >
            <option value="">All</option>
            {facets.sections.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select aria-label="Search tag" value={tag} onChange={(e) => setSearch({ tag: e.target.value })}>
            <option value="">Any</option>
            {facets.tags.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Drafts{' '}
          <select
            aria-label="Search drafts"
            value={draft}
            onChange={(e) => setSearch({ draft: e.target.value as typeof draft })}
          >
            <option value="any">All posts</option>
            <option value="draft">Drafts only</option>
            <option value="published">Published only</option>
          </select>
        </label>
      </div>
      <div className="search-row">
        <input
          type="text"
          aria-label="Replace"
          placeholder="Replace"
          value={state.replacement}
          onChange={(event) => setSearch({ replacement: event.target.value })}
        />
        <button
          type="button"
          disabled={!results || results.results.length === 0}
          onClick={() => void previewReplace(api)}
        >
          Replace all
        </button>
        {state.lastReplace?.undoId ? (
          <button type="button" onClick={() => void undoReplace(api)}>
            Undo replace
          </button>
        ) : null}
      </div>
      {state.lastReplace ? (
        <p className="search-status" role="status">
          {state.lastReplace.message}
        </p>
      ) : null}
      {indexing ? (
        <p className="search-status">
          Indexing posts for search: {status.done} of {status.total}…
        </p>
      ) : null}
      {state.error ? <p role="alert">{state.error}</p> : null}
      {results?.notice ? <p className="search-notice">{results.notice}</p> : null}
      {results ? (
        <p className="search-status" aria-live="polite">
          {state.searching
            ? 'Searching…'
            : `${results.totalPosts === 1 ? '1 post' : `${results.totalPosts} posts`} match` +
              (results.truncated ? ` (the best ${results.results.length} shown)` : '') +
              (results.skippedBinary > 0 ? `; ${results.skippedBinary} binary file(s) skipped` : '')}
        </p>
      ) : null}
      {results ? (
        <SearchResultList
          results={results.results}
          onOpen={(id, match) => void openAtMatch(api, id, match)}
        />
      ) : null}
      {state.preview ? (
        <ReplacePreviewDialog
          preview={state.preview.files}
          onApply={(chosen) => void applyReplace(api, chosen)}
          onClose={() => setSearch({ preview: null })}
        />
      ) : null}
    </section>
  );
}
