import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import type { PostdeskApi, PostSummary } from '../../../../shared/api';
import { defaultQuery, queryStorageKey } from '../../../../renderer/features/library/post-query';
import { createLibraryState, type LibraryModel } from '../../../../renderer/state/library-store';
import { libraryClient } from '../../../support/library-client';
import { copyFixtureSite } from '../../../support/temp-site';
import { makeSummary } from '../../../support/post-summary';

function summary(id: string, title = id): PostSummary {
  return makeSummary(id, { title });
}

// A library state whose client is never called (these tests feed it events directly).
const noClient = new Proxy({} as PostdeskApi, {
  get: (_target, name) => {
    if (name === 'on') return () => () => undefined;
    throw new Error(`unexpected call to ${String(name)}`);
  },
});
let model: LibraryModel;
const ids = (): string[] => model.store.get().posts.map((post) => post.id);

beforeEach(() => {
  model = createLibraryState(noClient);
  model.store.set({
    site: null,
    posts: [summary('a'), summary('b'), summary('c')],
    listing: false,
    loadError: null,
    query: defaultQuery,
  });
});

describe('applying watcher events to the list', () => {
  it('adds, replaces and removes posts by id, keeping the others in place', () => {
    expect(model.applyPostChange({ id: 'b', kind: 'changed', summary: summary('b', 'B2') })).toBe(true);
    expect(model.store.get().posts[1]?.title).toBe('B2');
    model.applyPostChange({ id: 'd', kind: 'added', summary: summary('d') });
    model.applyPostChange({ id: 'a', kind: 'removed', summary: null });
    expect(ids()).toEqual(['b', 'c', 'd']);
  });

  it('applies a burst in one pass, the last event of an id winning', () => {
    const before = model.store.get().posts;
    model.applyPostChanges([
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
    expect(model.store.get().posts).toHaveLength(5003);
    expect(ids().slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(model.store.get().posts[2]?.title).toBe('C again');
    expect(ids()).not.toContain('x');
    expect(before).toHaveLength(3);
  });

  it('answers false and changes nothing when an event lacks its summary', () => {
    expect(model.applyPostChange({ id: 'a', kind: 'changed', summary: null })).toBe(false);
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('queues events and applies them together, asking for a refresh when one is stale', () => {
    vi.useFakeTimers();
    try {
      const stale = vi.fn();
      const queue = model.postChangeQueue(stale, 50);
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
    model = createLibraryState(libraryClient(library).api);
    await model.open();
    const { site: info, posts } = model.store.get();
    expect(info?.generator).toBe('hugo');
    expect(posts).toHaveLength(3);
    expect(model.store.get().query).toEqual(defaultQuery);

    model.setQuery({ sort: 'title', tag: 'alpha' });
    expect(JSON.parse(storage.get(queryStorageKey(info!.root))!)).toMatchObject({
      sort: 'title',
      tag: 'alpha',
    });

    // Another window (a new state) opening the same site starts from the saved choices.
    model.dispose();
    model = createLibraryState(libraryClient(library).api);
    expect(model.store.get().query).toEqual(defaultQuery);
    await model.open();
    expect(model.store.get().query).toMatchObject({ sort: 'title', tag: 'alpha', search: '' });
  });

  it('saves choices from a subscriber: opening the site writes nothing, a changed choice is written', async () => {
    storage.clear();
    model = createLibraryState(libraryClient(library).api);
    await model.open();
    const root = model.store.get().site!.root;
    expect(storage.has(queryStorageKey(root))).toBe(false);
    model.setQuery({ draft: 'draft' });
    expect(JSON.parse(storage.get(queryStorageKey(root))!)).toMatchObject({ draft: 'draft' });
    model.dispose();
    model.setQuery({ sort: 'title' });
    expect(JSON.parse(storage.get(queryStorageKey(root))!)).not.toMatchObject({ sort: 'title' });
  });
});
