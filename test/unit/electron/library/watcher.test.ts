import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostChangedEvent } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { copyFixtureSite } from '../../../support/temp-site';

let site: string;
let cleanup: () => Promise<void>;
let library: Library;
let events: PostChangedEvent[];

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-bundles'));
  library = createLibrary();
  events = [];
  library.subscribe((event, payload) => {
    if (event === 'postChanged') events.push(payload as PostChangedEvent);
  });
  await library.handlers.openSite({ path: site });
  await library.handlers.listPosts({});
  await library.session().ready();
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

const kinds = () => events.map((event) => `${event.kind} ${event.id}`);

describe('watcher', () => {
  it('reports a rename outside Postdesk as removed + added, and keeps the index current', async () => {
    await rename(path.join(site, 'content/posts/plain-post.md'), path.join(site, 'content/posts/moved.md'));
    await expect
      .poll(kinds, { timeout: 8000 })
      .toEqual(
        expect.arrayContaining(['removed content/posts/plain-post.md', 'added content/posts/moved.md']),
      );
    const ids = (await library.handlers.listPosts({})).map((post) => post.id);
    expect(ids).toContain('content/posts/moved.md');
    expect(ids).not.toContain('content/posts/plain-post.md');
  });

  it('reports a bundle folder removed outside, and a new post in a new folder', async () => {
    await rm(path.join(site, 'content/posts/trip-to-lisbon'), { recursive: true });
    await mkdir(path.join(site, 'content/fresh'));
    await writeFile(path.join(site, 'content/fresh/new.md'), '---\ntitle: Fresh\n---\n');
    await expect
      .poll(kinds, { timeout: 8000 })
      .toEqual(
        expect.arrayContaining([
          'removed content/posts/trip-to-lisbon/index.md',
          'added content/fresh/new.md',
        ]),
      );
    expect(events.find((event) => event.id === 'content/fresh/new.md')?.summary?.title).toBe('Fresh');
  });

  it('ignores page resources, temp files and the trash folder', async () => {
    await writeFile(path.join(site, 'content/posts/trip-to-lisbon/more-notes.md'), 'resource');
    await writeFile(path.join(site, 'content/posts/.x.md.postdesk-1-aaaaaaaaaaaa.tmp'), 'temp');
    await library.handlers.deletePost({ id: 'content/notes/first-note.md' });
    await writeFile(path.join(site, 'content/posts/after.md'), '---\ntitle: After\n---\n');
    await expect.poll(kinds, { timeout: 8000 }).toContain('added content/posts/after.md');
    expect(kinds().filter((line) => /more-notes|postdesk-trash|\.tmp/.test(line))).toEqual([]);
  });
});
