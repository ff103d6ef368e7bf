import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import type { PostdeskApi, PostSummary } from '../../../../shared/api';
import {
  defaultQuery,
  filterPosts,
  firstProblemText,
  problemCount,
} from '../../../../renderer/features/library/post-query';
import { createLibraryState, type LibraryModel } from '../../../../renderer/state/library-store';
import { libraryClient } from '../../../support/library-client';
import { copyFixtureSite } from '../../../support/temp-site';
import { makeSummary } from '../../../support/post-summary';

function summary(id: string, error: string | null = null): PostSummary {
  return makeSummary(id, { error });
}

// A library state whose client is never called (the first tests feed it counts directly).
const noClient = new Proxy({} as PostdeskApi, {
  get: (_target, name) => {
    if (name === 'on') return () => () => undefined;
    throw new Error(`unexpected call to ${String(name)}`);
  },
});
let model: LibraryModel;

beforeEach(() => {
  model = createLibraryState(noClient);
  model.store.set({
    site: null,
    posts: [summary('a'), summary('b')],
    listing: false,
    loadError: null,
    query: defaultQuery,
  });
});

describe('problem counts in the list', () => {
  it('a parse error counts before the checks reach the post; the checks count wins after', () => {
    const broken = summary('x', 'Invalid YAML front matter on line 2: bad');
    expect(problemCount(broken)).toBe(1);
    expect(firstProblemText(broken)).toMatch(/Invalid YAML/);
    expect(problemCount({ ...broken, problems: 3, firstProblem: 'first' })).toBe(3);
    expect(firstProblemText({ ...summary('y'), problems: 0, firstProblem: null })).toBeNull();
  });

  it('applies batches, keeps untouched rows as they were, and keeps counts across watcher changes', () => {
    const before = model.store.get().posts;
    model.applyProblemCounts([
      [{ id: 'a', count: 2, first: 'No alt text' }],
      [{ id: 'zz', count: 1, first: 'later' }],
    ]);
    const posts = model.store.get().posts;
    expect(posts[0]).toMatchObject({ problems: 2, firstProblem: 'No alt text' });
    expect(posts[1]).toBe(before[1]);
    expect(filterPosts(posts, { ...defaultQuery, problems: true }).map((post) => post.id)).toEqual(['a']);
    model.applyPostChanges([
      { id: 'a', kind: 'changed', summary: summary('a') },
      { id: 'zz', kind: 'added', summary: summary('zz') },
    ]);
    const after = model.store.get().posts;
    expect(after.find((post) => post.id === 'a')?.problems).toBe(2);
    expect(after.find((post) => post.id === 'zz')?.problems).toBe(1);
  });
});

describe('the store follows the library', () => {
  let library: Library;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    let site: string;
    ({ site, cleanup } = await copyFixtureSite('problem-badges'));
    library = createLibrary();
    await library.handlers.openSite({ path: site });
  });
  afterEach(async () => {
    await library.close();
    await cleanup();
  });

  it('lists the posts, then badges them as the postProblems events arrive', async () => {
    model = createLibraryState(libraryClient(library, { events: true }).api);
    await model.open();
    const counts = (): Record<string, number | null | undefined> =>
      Object.fromEntries(model.store.get().posts.map((post) => [post.id.split('/').pop(), post.problems]));
    await expect
      .poll(counts, { timeout: 8000 })
      .toEqual({ 'clean-post.md': 0, 'image-post.md': 2, 'mojibake-post.md': 1, 'schema-post.md': 1 });
    const flagged = filterPosts(model.store.get().posts, { ...defaultQuery, problems: true });
    expect(flagged.map((post) => post.title).sort()).toEqual(['Image Post', 'Mojibake Post', 'Schema Post']);
  });
});
