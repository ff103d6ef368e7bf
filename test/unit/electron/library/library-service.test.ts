import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostChangedEvent } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { copyFixtureSite } from '../../../support/temp-site';

let site: string;
let cleanup: () => Promise<void>;
let library: Library;

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary();
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('library', () => {
  it('refuses calls before a site is open', async () => {
    await expect(library.handlers.listPosts({})).rejects.toMatchObject({ code: 'no-site' });
  });

  it('opens a Hugo site and lists its posts from their front matter', async () => {
    const info = await library.handlers.openSite({ path: site });
    expect(info).toMatchObject({ generator: 'hugo', contentDirs: ['content'], staticDir: 'static' });
    const posts = await library.handlers.listPosts({});
    expect(posts.map((post) => post.title)).toEqual([
      'First Post: a Hugo fixture',
      'Second Post',
      'Third Post in TOML',
    ]);
    expect(posts[0]).toMatchObject({
      lastmod: '2024-05-19',
      authors: ['Jane Doe'],
      section: 'posts',
      bodyKind: 'html',
    });
    expect(posts[1]).toMatchObject({
      date: '2024-06-01',
      tags: ['alpha', 'beta'],
      format: 'yaml',
      draft: false,
    });
    expect(posts[2]).toMatchObject({ format: 'toml', draft: true, date: '2024-07-01T10:00:00.000Z' });
  });

  it('reports a change made on disk by someone else, but not its own save', async () => {
    await library.handlers.openSite({ path: site });
    const events: PostChangedEvent[] = [];
    library.subscribe((event, payload) => {
      if (event === 'postChanged') events.push(payload as PostChangedEvent);
    });
    await library.session().ready();
    const id = 'content/posts/second-post.md';
    const post = await library.handlers.readPost({ id });
    await library.handlers.savePost({ id, text: `${post.text}\nmine\n`, baseRevision: post.revision });
    await writeFile(path.join(site, 'content/posts/third-post.md'), '+++\ntitle = "Renamed outside"\n+++\n');
    await expect
      .poll(() => events.map((event) => event.id), { timeout: 5000 })
      .toContain('content/posts/third-post.md');
    expect(events.find((event) => event.id === 'content/posts/third-post.md')?.summary?.title).toBe(
      'Renamed outside',
    );
    expect(events.map((event) => event.id)).not.toContain(id);
  });
});
