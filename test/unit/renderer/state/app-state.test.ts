import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import type { AppState } from '../../../../renderer/state/app-state';
import { libraryAppState } from '../../../support/library-client';
import { copyFixtureSite } from '../../../support/temp-site';

// Each window builds its own state around its client: nothing is shared through module singletons.

const id = 'content/posts/first-post.md';
let library: Library;
let cleanup: () => Promise<void>;
let one: AppState;
let two: AppState;

beforeEach(async () => {
  let site: string;
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  one = libraryAppState(library);
  two = libraryAppState(library);
});

afterEach(async () => {
  one.dispose();
  two.dispose();
  await library.close();
  await cleanup();
});

describe('createAppState', () => {
  it('gives each window its own library, tabs, panes and search, over the same client calls', async () => {
    await one.library.open();
    await one.documents.open(id);
    one.view.togglePane('preview');
    one.search.set({ query: 'hello' });
    expect(one.library.store.get().posts).toHaveLength(3);
    expect(one.documents.store.get().order).toEqual([id]);

    expect(two.library.store.get().site).toBeNull();
    expect(two.documents.store.get().order).toEqual([]);
    expect(two.view.store.get()).toEqual({ preview: true, form: true });
    expect(two.search.store.get().query).toBe('');

    await two.documents.open(id);
    const active = one.documents.active.get();
    if (active.status !== 'open') throw new Error('the post did not open');
    one.documents.setBody(`${active.doc.text.slice(active.doc.bodyStart)}Typed in one.`);
    const other = two.documents.active.get();
    expect(other.status === 'open' && other.doc.text.endsWith('Typed in one.')).toBe(false);
  });

  it('runs the taxonomy and git actions through the injected client', async () => {
    await one.library.open();
    await one.taxonomy.open();
    expect(one.taxonomy.store.get().open).toBe(true);
    expect(one.taxonomy.store.get().groups?.map((group) => group.key)).toContain('tags');
    expect(two.taxonomy.store.get().groups).toBeNull();
    await one.git.refresh();
    // The fixture copy (a temporary folder) is no repository: the status says so instead of failing.
    expect(one.git.store.get()).toMatchObject({ error: null, status: { availability: 'not-repo' } });
    expect(two.git.store.get().status).toBeNull();
  });
});
