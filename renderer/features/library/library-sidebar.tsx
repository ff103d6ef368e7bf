import { memo, useDeferredValue, useMemo, type ReactNode } from 'react';
import type { Generator } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { hasUnsavedText, openDocuments } from '../../state/document-store';
import { useAppState } from '../../state/app-state-context';
import { useChangedIds } from '../changes/git-store';
import { PostList } from './post-list';
import { PostListControls } from './post-list-controls';
import { defaultQuery, filterPosts, isFiltering, postFacets, sortPosts } from './post-query';

const generatorNames: Record<Generator, string> = {
  hugo: 'Hugo site',
  jekyll: 'Jekyll site',
  eleventy: 'Eleventy site',
  astro: 'Astro site',
  configured: 'Content folders from postdesk.config.json',
  plain: 'Plain folder of Markdown and HTML files',
};

/**
 * The left column: the site's name and what it was detected as, its notice, and the post list
 * with its search, sort and filters. The header counts the posts shown ("N posts"). Memoized:
 * typing in the editor does not re-render the list.
 */
export const LibrarySidebar = memo(function LibrarySidebar({
  selectedId,
  onOpen,
  actions,
}: {
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** The post actions toolbar, shown above the list. */
  actions?: ReactNode;
}) {
  const { library, documents } = useAppState();
  const { setQuery } = library;
  const { site, posts, listing, loadError, query } = useStore(library.store);
  // The open posts with unsaved text, as one string so typing (which keeps them dirty) re-renders nothing.
  const unsavedKey = useStore(documents.store, (all) =>
    openDocuments(all)
      .filter(hasUnsavedText)
      .map((doc) => doc.id)
      .join('\n'),
  );
  const unsavedIds = useMemo(() => new Set(unsavedKey === '' ? [] : unsavedKey.split('\n')), [unsavedKey]);
  // Typing stays responsive: the list catches up with the query when React has time.
  const shownQuery = useDeferredValue(query);
  // Sorting runs when the posts or the sort change; each keystroke only filters the sorted list.
  const sorted = useMemo(() => sortPosts(posts, shownQuery.sort), [posts, shownQuery.sort]);
  const changedIds = useChangedIds();
  const shown = useMemo(() => {
    const filtered = filterPosts(sorted, shownQuery);
    return shownQuery.changed ? filtered.filter((post) => changedIds.has(post.id)) : filtered;
  }, [sorted, shownQuery, changedIds]);
  const facets = useMemo(() => postFacets(posts), [posts]);
  const filtering = isFiltering(shownQuery);

  return (
    <aside className="sidebar">
      <h1 className="site-name">{site?.name ?? 'Postdesk'}</h1>
      {site ? <p className="site-generator">{generatorNames[site.generator]}</p> : null}
      {site?.notice ? <p className="notice">{site.notice}</p> : null}
      {loadError ? <p role="alert">{loadError}</p> : null}
      {actions}
      <section className="post-list" aria-labelledby="post-list-heading">
        <PostListControls query={query} facets={facets} onChange={setQuery} />
        <header className="post-list-header">
          <span id="post-list-heading">
            {listing ? 'Listing posts…' : shown.length === 1 ? '1 post' : `${shown.length} posts`}
          </span>
          {filtering ? (
            <span className="filter-state">
              {' '}
              · filtered from {posts.length}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setQuery({ ...defaultQuery, sort: query.sort })}
              >
                Clear filters
              </button>
            </span>
          ) : null}
        </header>
        <PostList posts={shown} selectedId={selectedId} unsavedIds={unsavedIds} onOpen={onOpen} />
      </section>
    </aside>
  );
});
