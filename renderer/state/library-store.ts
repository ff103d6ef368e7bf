import type { PostChangedEvent, PostdeskApi, PostSummary, SiteInfo } from '../../shared/api';
import {
  defaultQuery,
  parseStoredQuery,
  queryStorageKey,
  type PostQuery,
} from '../features/library/post-query';
import { createStore } from './create-store';

/** The open site, its posts as the index lists them, and the list's search, sort and filters. */
export interface LibraryState {
  site: SiteInfo | null;
  posts: PostSummary[];
  /** Why the site could not be opened or listed, for the user. */
  loadError: string | null;
  query: PostQuery;
}

/** The window's library: one site at a time. */
export const libraryStore = createStore<LibraryState>({
  site: null,
  posts: [],
  loadError: null,
  query: defaultQuery,
});

/** Opens the host's site, lists its posts and restores the list choices saved for that site. */
export async function openLibrary(api: PostdeskApi): Promise<void> {
  try {
    const site = await api.openSite({});
    const posts = await api.listPosts({});
    libraryStore.set((state) => ({
      ...state,
      site,
      posts,
      loadError: null,
      query: parseStoredQuery(readStorage(queryStorageKey(site.root))),
    }));
  } catch (error) {
    libraryStore.set((state) => ({ ...state, loadError: (error as Error).message }));
  }
}

/** Lists the posts again (after a save or an operation that changed several files). */
export async function refreshPosts(api: PostdeskApi): Promise<void> {
  try {
    const posts = await api.listPosts({});
    libraryStore.set((state) => ({ ...state, posts }));
  } catch (error) {
    libraryStore.set((state) => ({ ...state, loadError: (error as Error).message }));
  }
}

/**
 * Applies one change reported by the watcher to the list without listing the whole site again;
 * answers false when the event carries too little to do so (the caller should refresh).
 */
export function applyPostChange(event: PostChangedEvent): boolean {
  if (event.kind !== 'removed' && event.summary === null) return false;
  libraryStore.set((state) => {
    const index = state.posts.findIndex((post) => post.id === event.id);
    if (event.kind === 'removed' || event.summary === null) {
      return index < 0 ? state : { ...state, posts: state.posts.filter((_, at) => at !== index) };
    }
    const posts = state.posts.slice();
    if (index < 0) posts.push(event.summary);
    else posts[index] = event.summary;
    return { ...state, posts };
  });
  return true;
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
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage full or disabled: the choices simply last for this session.
  }
}
