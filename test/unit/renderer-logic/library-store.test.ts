import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../../../electron/library/library-service';
import { apiFromOutcomes, dispatch, type PostSummary } from '../../../shared/api';
import { defaultQuery, queryStorageKey } from '../../../renderer/features/library/post-query';
import {
  applyPostChange,
  applyPostChanges,
  createPostChangeQueue,
  libraryStore,
  openLibrary,
  setQuery,
} from '../../../renderer/state/library-store';
import { copyFixtureSite } from '../../support/temp-site';
import { makeSummary } from '../../support/post-summary';

function summary(id: string, title = id): PostSummary {
  return makeSummary(id, { title });
}

const ids = (): string[] => libraryStore.get().posts.map((post) => post.id);

beforeEach(() => {
  libraryStore.set({
    site: null,
    posts: [summary('a'), summary('b'), summary('c')],
    listing: false,
    loadError: null,
    query: defaultQuery,
  });
});

describe('applying watcher events to the list', () => {
  it('adds, replaces and removes posts by id, keeping the others in place', () => {
    expect(applyPostChange({ id: 'b', kind: 'changed', summary: summary('b', 'B2') })).toBe(true);
    expect(libraryStore.get().posts[1]?.title).toBe('B2');
    applyPostChange({ id: 'd', kind: 'added', summary: summary('d') });
    applyPostChange({ id: 'a', kind: 'removed', summary: null });
    expect(ids()).toEqual(['b', 'c', 'd']);
  });

  it('applies a burst in one pass, the last event of an id winning', () => {
    const before = libraryStore.get().posts;
    applyPostChanges([
      { id: 'x', kind: 'added', summary: summary('x') },
      { id: 'x', kind: 'removed', summary: null },
      { id: 'c', kind: 'removed', summary: null },
      { id: 'c', kind: 'added', summary: summary('c', 'C again') },
      ...Array.from({ length: 5000 }, (_, i) => ({
        id: `n${i}`,
        kind: 'added' as const,
        summary: summary(`n${i}`),
      })),
    ]);
    expect(libraryStore.get().posts).toHaveLength(5003);
    expect(ids().slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(libraryStore.get().posts[2]?.title).toBe('C again');
    expect(ids()).not.toContain('x');
    expect(before).toHaveLength(3);
  });

  it('answers false and changes nothing when an event lacks its summary', () => {
    expect(applyPostChange({ id: 'a', kind: 'changed', summary: null })).toBe(false);
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('queues events and applies them together, asking for a refresh when one is stale', () => {
    vi.useFakeTimers();
    try {
      const stale = vi.fn();
      const queue = createPostChangeQueue(stale, 50);
      queue({ id: 'd', kind: 'added', summary: summary('d') });
      queue({ id: 'a', kind: 'removed', summary: null });
      expect(ids()).toEqual(['a', 'b', 'c']);
      vi.advanceTimersByTime(60);
      expect(ids()).toEqual(['b', 'c', 'd']);
      queue({ id: 'b', kind: 'changed', summary: null });
      vi.advanceTimersByTime(60);
      expect(stale).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('list choices per site', () => {
  let library: Library;
  let site: string;
  let cleanup: () => Promise<void>;
  const storage = new Map<string, string>();

  beforeEach(async () => {
    ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
    library = createLibrary({ watch: false });
    await library.handlers.openSite({ path: site });
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    });
  });

  afterEach(async () => {
    vi.unstubAllGlobals();
    await library.close();
    await cleanup();
  });

  it('opens the site, lists it, and remembers the choices under the site root', async () => {
    const api = apiFromOutcomes(
      (name, args) => dispatch(library.handlers, name, args),
      () => () => undefined,
    );
    await openLibrary(api);
    const { site: info, posts } = libraryStore.get();
    expect(info?.generator).toBe('hugo');
    expect(posts).toHaveLength(3);
    expect(libraryStore.get().query).toEqual(defaultQuery);

    setQuery({ sort: 'title', tag: 'alpha' });
    expect(JSON.parse(storage.get(queryStorageKey(info!.root))!)).toMatchObject({
      sort: 'title',
      tag: 'alpha',
    });

    libraryStore.set((state) => ({ ...state, query: defaultQuery }));
    await openLibrary(api);
    expect(libraryStore.get().query).toMatchObject({ sort: 'title', tag: 'alpha', search: '' });
  });
});
