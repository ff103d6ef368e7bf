import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexProgressEvent } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { PostIndex } from '../../../../electron/library/post-index';
import { detectSite } from '../../../../electron/library/site-detect';
import { copyFixtureSite, tempDir } from '../../../support/temp-site';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function fixture(name: string): Promise<string> {
  const copy = await copyFixtureSite(name);
  cleanups.push(copy.cleanup);
  return copy.site;
}

async function list(site: string) {
  const info = await detectSite(site);
  return { info, posts: await new PostIndex(info).refresh() };
}

describe('detectSite and the index', () => {
  it('understands a Hugo site with page bundles: a bundle is its index file, resources are not posts', async () => {
    const { info, posts } = await list(await fixture('hugo-bundles'));
    expect(info).toMatchObject({
      generator: 'hugo',
      contentDirs: ['content'],
      staticDir: 'static',
      notice: null,
      sections: ['notes', 'posts'],
    });
    expect(info.detected).toBe('Hugo site: posts in content/, site files from static/');
    expect(posts.map((post) => post.id)).toEqual([
      'content/_index.md',
      'content/notes/first-note.md',
      'content/posts/_index.md',
      'content/posts/plain-post.md',
      'content/posts/trip-to-lisbon/index.md',
    ]);
    const trip = posts.find((post) => post.id.endsWith('trip-to-lisbon/index.md'));
    expect(trip).toMatchObject({
      title: 'Trip to Lisbon: day one',
      date: '2024-03-02T09:00:00+01:00',
      publishDate: '2024-03-03',
      authors: ['Ana', 'Rui'],
      tags: ['travel'],
      categories: ['journal'],
      section: 'posts',
      draft: false,
      error: null,
      errorLine: null,
    });
    expect(posts.find((post) => post.id.endsWith('plain-post.md'))).toMatchObject({
      draft: true,
      lastmod: '2024-04-02',
      authors: ['Ana'],
    });
    expect(posts.find((post) => post.id === 'content/notes/first-note.md')).toMatchObject({
      format: 'toml',
      section: 'notes',
    });
  });

  it('honours contentDir and staticDir named in a Hugo config', async () => {
    const site = await fixture('hugo-basic');
    await writeFile(
      path.join(site, 'hugo.toml'),
      'title = "x"\ncontentDir = "posts-here"\nstaticDir = "files"\n',
    );
    await mkdir(path.join(site, 'posts-here'));
    await writeFile(path.join(site, 'posts-here', 'a.md'), '---\ntitle: A\n---\n');
    const { info, posts } = await list(site);
    expect(info).toMatchObject({ contentDirs: ['posts-here'], staticDir: 'files' });
    expect(posts.map((post) => post.id)).toEqual(['posts-here/a.md']);
  });

  it('understands Jekyll: _posts and _drafts, the site root as static folder, dates from file names', async () => {
    const { info, posts } = await list(await fixture('jekyll-basic'));
    expect(info).toMatchObject({
      generator: 'jekyll',
      contentDirs: ['_posts', '_drafts'],
      staticDir: '.',
      sections: ['posts', 'drafts'],
    });
    expect(posts.map((post) => [post.id, post.section, post.draft, post.date])).toEqual([
      ['_drafts/unfinished-idea.md', 'drafts', true, null],
      ['_posts/2024-01-15-hello-jekyll.md', 'posts', false, '2024-01-15 10:00:00 +0000'],
      ['_posts/2024-02-01-no-date-key.md', 'posts', false, '2024-02-01'],
    ]);
    expect(posts[1]?.categories).toEqual(['news']);
  });

  it('reads content folders and the static folder from postdesk.config.json', async () => {
    const { info, posts } = await list(await fixture('configured-site'));
    expect(info).toMatchObject({
      generator: 'configured',
      contentDirs: ['src/blog'],
      staticDir: 'public-files',
      notice: null,
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      title: 'An Astro-style post',
      publishDate: '2024-02-10',
      tags: ['astro'],
    });
  });

  it('refuses a postdesk.config.json naming a folder outside the site', async () => {
    const site = await fixture('configured-site');
    await writeFile(path.join(site, 'postdesk.config.json'), '{"contentDirs": ["../elsewhere"]}');
    await expect(detectSite(site)).rejects.toMatchObject({ code: 'path-refused' });
  });

  it('opens a folder that is no site as plain files, with a notice', async () => {
    const { info, posts } = await list(await fixture('plain-folder'));
    expect(info.generator).toBe('plain');
    expect(info.notice).toMatch(/No Hugo, Jekyll or postdesk.config.json/);
    expect(posts.map((post) => [post.id, post.bodyKind])).toEqual([
      ['readme.md', 'markdown'],
      ['sub/page.html', 'html'],
    ]);
  });

  it('answers not-found for a missing folder', async () => {
    await expect(detectSite('/definitely/not/here')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('index progress and cache', () => {
  let library: Library;
  afterEach(() => library?.close());

  it('reports {done,total} in batches while listing a large site, ending at total', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    await writeFile(path.join(dir, 'hugo.toml'), 'title = "many"\n');
    await mkdir(path.join(dir, 'content', 'posts'), { recursive: true });
    await Promise.all(
      Array.from({ length: 1200 }, (_, index) =>
        writeFile(
          path.join(dir, 'content', 'posts', `p${index}.md`),
          `---\ntitle: "Post ${index}"\n---\nBody\n`,
        ),
      ),
    );
    library = createLibrary({ watch: false });
    const progress: IndexProgressEvent[] = [];
    library.subscribe((event, payload) => {
      if (event === 'indexProgress') progress.push(payload as IndexProgressEvent);
    });
    await library.handlers.openSite({ path: dir });
    const posts = await library.handlers.listPosts({});
    expect(posts).toHaveLength(1200);
    expect(progress[0]).toEqual({ done: 0, total: 1200 });
    expect(progress.at(-1)).toEqual({ done: 1200, total: 1200 });
    expect(progress.length).toBeGreaterThanOrEqual(4);
    const dones = progress.map((event) => event.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
  });

  it('re-reads only a file whose size or mtime changed', async () => {
    const site = await fixture('hugo-basic');
    const info = await detectSite(site);
    const index = new PostIndex(info);
    const first = await index.refresh();
    const second = await index.refresh();
    expect(second[0]).toBe(first[0]);
    await writeFile(path.join(site, 'content/posts/first-post.md'), '---\ntitle: "Changed"\n---\n');
    const third = await index.refresh();
    expect(third[0]?.title).toBe('Changed');
    expect(third[1]).toBe(first[1]);
  });
});
