import { useEffect, useMemo, useRef } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { batchEvents } from '../../state/batch-events';
import { commandRegistry } from '../commands/command-registry';
import { openAtMatch } from './open-at-match';
import { ReplacePreviewDialog } from './replace-preview-dialog';
import { SearchResultList } from './search-result-list';
import './search.css';

/** Starts the search index once the site's posts are listed, follows its progress, binds Ctrl+Shift+F. */
function useSearchWiring(api: PostdeskApi): void {
  const { library, search } = useAppState();
  const root = useStore(library.store, (library) => (library.listing ? null : (library.site?.root ?? null)));
  useEffect(() => {
    if (root === null) return;
    search.set({ results: null, preview: null, lastReplace: null });
    void api
      .searchIndexStatus({})
      .then((status) => search.set({ status }))
      .catch(() => undefined);
  }, [api, root, search]);
  useEffect(() => api.on('searchIndexProgress', (status) => search.set({ status })), [api, search]);
  // A post changed on disk by someone else: the shown results are searched again (once per burst).
  useEffect(() => {
    const again = batchEvents(
      () => {
        const { open, query } = search.store.get();
        if (open && query.trim() !== '') void search.run();
      },
      300,
      { untilQuiet: true },
    );
    const off = api.on('postChanged', again);
    return () => {
      again.cancel();
      off();
    };
  }, [api, search]);
  useEffect(() => {
    const unregister = commandRegistry.register([
      { id: 'search.allPosts', title: 'Search All Posts', keys: 'Ctrl+Shift+F', run: search.open },
    ]);
    const onKey = (event: KeyboardEvent): void => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'f'
      ) {
        event.preventDefault();
        search.open();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      unregister();
      window.removeEventListener('keydown', onKey, true);
    };
  }, [search]);
}

/**
 * The "Search all posts" panel: the query with its case, whole-word and regex toggles and the
 * section, tag and draft filters; the ranked results; and Replace / Replace all / Undo replace.
 */
export function SearchPanel({ api }: { api: PostdeskApi }) {
  useSearchWiring(api);
  const { library, search, documents } = useAppState();
  const state = useStore(search.store);
  const posts = useStore(library.store, (value) => value.posts);
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
    const timer = setTimeout(() => void search.run(), 200);
    return () => clearTimeout(timer);
  }, [search, open, query, regex, caseSensitive, wholeWord, section, tag, draft]);

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
          onChange={(event) => search.set({ query: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') search.close();
            if (event.key === 'Enter') void search.run();
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
            onChange={(e) => search.set({ caseSensitive: e.target.checked })}
          />
          Match case
        </label>
        <label>
          <input
            type="checkbox"
            checked={wholeWord}
            onChange={(e) => search.set({ wholeWord: e.target.checked })}
          />
          Whole word
        </label>
        <label>
          <input type="checkbox" checked={regex} onChange={(e) => search.set({ regex: e.target.checked })} />
          Regular expression
        </label>
        <button type="button" onClick={search.close} aria-label="Close search">
          ×
        </button>
      </div>
      <div className="search-row">
        <label>
          Section{' '}
          <select
            aria-label="Search section"
            value={section}
            onChange={(e) => search.set({ section: e.target.value })}
          >
            <option value="">All</option>
            {facets.sections.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select aria-label="Search tag" value={tag} onChange={(e) => search.set({ tag: e.target.value })}>
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
            onChange={(e) => search.set({ draft: e.target.value as typeof draft })}
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
          onChange={(event) => search.set({ replacement: event.target.value })}
        />
        <button
          type="button"
          disabled={!results || results.results.length === 0}
          onClick={() => void search.previewReplace()}
        >
          Replace all
        </button>
        {state.lastReplace?.undoId ? (
          <button type="button" onClick={() => void search.undoReplace()}>
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
          onOpen={(id, match) => void openAtMatch(documents, id, match)}
        />
      ) : null}
      {state.preview ? (
        <ReplacePreviewDialog
          preview={state.preview.files}
          onApply={(chosen) => void search.applyReplace(chosen)}
          onClose={() => search.set({ preview: null })}
        />
      ) : null}
    </section>
  );
}
