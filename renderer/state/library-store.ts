import type {
  PostChangedEvent,
  PostdeskApi,
  PostProblemCount,
  PostSummary,
  SiteInfo,
} from '../../shared/api';
import {
  defaultQuery,
  parseStoredQuery,
  queryStorageKey,
  type PostQuery,
} from '../features/library/post-query';
import { batchEvents } from './batch-events';
import { createStore, type Store } from './create-store';
import { readStorage, writeStorage } from './browser-storage';

/** The open site, its posts as the index lists them, and the list's search, sort and filters. */
export interface LibraryState {
  site: SiteInfo | null;
  posts: PostSummary[];
  /** True while the site's posts are being listed (a large site takes a moment). */
  listing: boolean;
  /** Why the site could not be opened or listed, for the user. */
  loadError: string | null;
  query: PostQuery;
}

/** The window's library (one site at a time) and what can be done to it, the client bound once. */
export interface LibraryModel {
  store: Store<LibraryState>;
  /** The latest problem counts the library published, by post id (kept across re-listings). */
  readonly problemCounts: ReadonlyMap<string, PostProblemCount>;
  /** Opens the host's site (shown at once, with the list choices saved for it), then lists its posts. */
  open(): Promise<void>;
  /** Lists the posts again (after a save or an operation that changed several files). */
  refresh(): Promise<void>;
  /**
   * Applies changes reported by the watcher to the list in one pass, without listing the whole
   * site again (a burst of 10,000 events costs one copy of the list, not 10,000); answers false
   * when an event carries too little to do so (the caller should refresh).
   */
  applyPostChanges(events: readonly PostChangedEvent[]): boolean;
  /** Applies one change reported by the watcher (see applyPostChanges). */
  applyPostChange(event: PostChangedEvent): boolean;
  /**
   * Collects watcher events and applies them together a moment later, so a folder of posts copied
   * in at once updates the list a few times instead of once per file; `onStale` runs when an
   * event could not be applied and the list must be listed again.
   */
  postChangeQueue(onStale: () => void, delayMs?: number): (event: PostChangedEvent) => void;
  /**
   * Applies batches of problem counts from the library's background checks in one pass over the
   * list (only the changed rows are new objects); counts for posts not listed yet are kept and
   * applied when they are.
   */
  applyProblemCounts(batches: readonly (readonly PostProblemCount[])[]): void;
  /** Changes some of the list's choices (a subscriber remembers them for this site). */
  setQuery(change: Partial<PostQuery>): void;
  /** Stops the store's subscribers (the window is going away). */
  dispose(): void;
}

/** The library state before any site is open. */
export const emptyLibrary: LibraryState = {
  site: null,
  posts: [],
  listing: false,
  loadError: null,
  query: defaultQuery,
};

/**
 * Builds the window's library state around `api`: the store, the problem counts it keeps, the
 * subscription to `postProblems` (made on the first open) and the subscriber that saves the
 * list's choices per site.
 */
export function createLibraryState(api: PostdeskApi, problemDelayMs = 50): LibraryModel {
  const store = createStore<LibraryState>(emptyLibrary);
  const problemCounts = new Map<string, PostProblemCount>();
  let listening = false;

  /** A summary carrying the latest published problem count of its post (the same object when nothing differs). */
  const withProblems = (post: PostSummary): PostSummary => {
    const known = problemCounts.get(post.id);
    if (!known) return post;
    if (
      post.problems === known.count &&
      (post.firstProblem ?? null) === known.first &&
      (post.notChecked ?? null) === (known.notChecked ?? null)
    )
      return post;
    return { ...post, problems: known.count, firstProblem: known.first, notChecked: known.notChecked };
  };

  const applyPostChanges = (events: readonly PostChangedEvent[]): boolean => {
    if (events.some((event) => event.kind !== 'removed' && event.summary === null)) return false;
    if (events.length === 0) return true;
    const latest = new Map<string, PostSummary | null>();
    for (const event of events) {
      latest.set(event.id, event.kind === 'removed' || !event.summary ? null : withProblems(event.summary));
      if (event.kind === 'removed') problemCounts.delete(event.id);
    }
    store.set((state) => {
      const posts: PostSummary[] = [];
      for (const post of state.posts) {
        if (!latest.has(post.id)) posts.push(post);
        else {
          const next = latest.get(post.id);
          if (next) posts.push(next);
          latest.delete(post.id);
        }
      }
      for (const added of latest.values()) if (added) posts.push(added);
      return { ...state, posts };
    });
    return true;
  };

  const applyProblemCounts = (batches: readonly (readonly PostProblemCount[])[]): void => {
    let changed = false;
    for (const batch of batches) {
      for (const entry of batch) {
        problemCounts.set(entry.id, entry);
        changed = true;
      }
    }
    if (!changed) return;
    store.set((state) => ({ ...state, posts: state.posts.map(withProblems) }));
  };

  // Persistence: a change of the choices while the same site stays open is the user's, and is saved.
  let seen = { root: store.get().site?.root ?? null, query: store.get().query };
  const offPersist = store.subscribe(() => {
    const { site, query } = store.get();
    const root = site?.root ?? null;
    if (root !== null && root === seen.root && query !== seen.query) {
      writeStorage(queryStorageKey(root), JSON.stringify(query));
    }
    seen = { root, query };
  });
  let offProblems: (() => void) | null = null;

  return {
    store,
    problemCounts,
    async open() {
      problemCounts.clear();
      if (!listening) {
        listening = true;
        const queue = batchEvents(applyProblemCounts, problemDelayMs);
        offProblems = api.on('postProblems', (event) => queue(event.problems));
      }
      try {
        const site = await api.openSite({});
        store.set((state) => ({
          ...state,
          site,
          listing: true,
          loadError: null,
          query: parseStoredQuery(readStorage(queryStorageKey(site.root))),
        }));
        const posts = (await api.listPosts({})).map(withProblems);
        // The scan may have added a notice (a linked folder leading out, a folder too deep to list).
        const scanned = await api.openSite({});
        store.set((state) => ({ ...state, site: scanned.root === site.root ? scanned : state.site }));
        store.set((state) => ({ ...state, posts, listing: false }));
      } catch (error) {
        store.set((state) => ({ ...state, listing: false, loadError: (error as Error).message }));
      }
    },
    async refresh() {
      try {
        const posts = (await api.listPosts({})).map(withProblems);
        store.set((state) => ({ ...state, posts }));
      } catch (error) {
        store.set((state) => ({ ...state, loadError: (error as Error).message }));
      }
    },
    applyPostChanges,
    applyPostChange: (event) => applyPostChanges([event]),
    postChangeQueue: (onStale, delayMs = 50) =>
      batchEvents((events: PostChangedEvent[]) => {
        if (!applyPostChanges(events)) onStale();
      }, delayMs),
    applyProblemCounts,
    setQuery(change) {
      store.set((state) => ({ ...state, query: { ...state.query, ...change } }));
    },
    dispose() {
      offPersist();
      offProblems?.();
    },
  };
}
