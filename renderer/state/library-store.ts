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
import { createStore } from './create-store';

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

/** The window's library: one site at a time. */
export const libraryStore = createStore<LibraryState>({
  site: null,
  posts: [],
  listing: false,
  loadError: null,
  query: defaultQuery,
});

/**
 * Opens the host's site (shown at once, with the list choices saved for it), then lists its posts.
 */
export async function openLibrary(api: PostdeskApi): Promise<void> {
  problemCounts.clear();
  listenForProblems(api);
  try {
    const site = await api.openSite({});
    libraryStore.set((state) => ({
      ...state,
      site,
      listing: true,
      loadError: null,
      query: parseStoredQuery(readStorage(queryStorageKey(site.root))),
    }));
    const posts = (await api.listPosts({})).map(withProblems);
    // The scan may have added a notice (a linked folder leading out, a folder too deep to list).
    const scanned = await api.openSite({});
    libraryStore.set((state) => ({ ...state, site: scanned.root === site.root ? scanned : state.site }));
    libraryStore.set((state) => ({ ...state, posts, listing: false }));
  } catch (error) {
    libraryStore.set((state) => ({ ...state, listing: false, loadError: (error as Error).message }));
  }
}

/** Lists the posts again (after a save or an operation that changed several files). */
export async function refreshPosts(api: PostdeskApi): Promise<void> {
  try {
    const posts = (await api.listPosts({})).map(withProblems);
    libraryStore.set((state) => ({ ...state, posts }));
  } catch (error) {
    libraryStore.set((state) => ({ ...state, loadError: (error as Error).message }));
  }
}

/**
 * Applies changes reported by the watcher to the list in one pass, without listing the whole site
 * again (a burst of 10,000 events costs one copy of the list, not 10,000); answers false when an
 * event carries too little to do so (the caller should refresh).
 */
export function applyPostChanges(events: readonly PostChangedEvent[]): boolean {
  if (events.some((event) => event.kind !== 'removed' && event.summary === null)) return false;
  if (events.length === 0) return true;
  const latest = new Map<string, PostSummary | null>();
  for (const event of events) {
    latest.set(event.id, event.kind === 'removed' || !event.summary ? null : withProblems(event.summary));
    if (event.kind === 'removed') problemCounts.delete(event.id);
  }
  libraryStore.set((state) => {
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
}

/** Applies one change reported by the watcher (see applyPostChanges). */
export function applyPostChange(event: PostChangedEvent): boolean {
  return applyPostChanges([event]);
}

/**
 * Collects watcher events and applies them together a moment later, so a folder of posts copied
 * in at once updates the list a few times instead of once per file; `onStale` runs when an event
 * could not be applied and the list must be listed again.
 */
export function createPostChangeQueue(onStale: () => void, delayMs = 50): (event: PostChangedEvent) => void {
  return batchEvents((events: PostChangedEvent[]) => {
    if (!applyPostChanges(events)) onStale();
  }, delayMs);
}

/** The latest problem counts the library published, by post id (kept across re-listings). */
const problemCounts = new Map<string, PostProblemCount>();
const listening = new WeakSet<PostdeskApi>();

/** A summary carrying the latest published problem count of its post (the same object when nothing differs). */
function withProblems(post: PostSummary): PostSummary {
  const known = problemCounts.get(post.id);
  if (!known) return post;
  if (
    post.problems === known.count &&
    (post.firstProblem ?? null) === known.first &&
    (post.notChecked ?? null) === (known.notChecked ?? null)
  )
    return post;
  return { ...post, problems: known.count, firstProblem: known.first, notChecked: known.notChecked };
}

/**
 * Applies batches of problem counts from the library's background checks in one pass over the
 * list (a copy of the list per call, only the changed rows are new objects); counts for posts not
 * listed yet are kept and applied when they are.
 */
export function applyProblemCounts(batches: readonly (readonly PostProblemCount[])[]): void {
  let changed = false;
  for (const batch of batches) {
    for (const entry of batch) {
      problemCounts.set(entry.id, entry);
      changed = true;
    }
  }
  if (!changed) return;
  libraryStore.set((state) => ({ ...state, posts: state.posts.map(withProblems) }));
}

/** Subscribes once per api to the library's `postProblems` events, applying them a moment later in groups. */
function listenForProblems(api: PostdeskApi, delayMs = 50): void {
  if (listening.has(api)) return;
  listening.add(api);
  const queue = batchEvents(applyProblemCounts, delayMs);
  api.on('postProblems', (event) => queue(event.problems));
}

/** Changes some of the list's choices and remembers them for this site. */
export function setQuery(change: Partial<PostQuery>): void {
  libraryStore.set((state) => {
    const query = { ...state.query, ...change };
    if (state.site) writeStorage(queryStorageKey(state.site.root), JSON.stringify(query));
    return { ...state, query };
  });
}

function readStorage(key: string): string | null {
  try {
    return browserStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    browserStorage()?.setItem(key, value);
  } catch {
    // Storage full or disabled: the choices simply last for this session.
  }
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The page's localStorage where there is one (not in plain Node, where the store is unit tested). */
function browserStorage(): KeyValueStorage | undefined {
  return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
}
