import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostChangedEvent, PostProblemsEvent } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { scanPostFiles } from '../../../../electron/library/post-index';
import { detectSite } from '../../../../electron/library/site-detect';
import { tempDir } from '../../../support/temp-site';

// Symbolic-link layouts of test/fixtures/hostile/symlink-layouts.json, built in a temporary folder: the
// index, the watcher and the problems pass never follow a link out of the site or into a loop, and
// re-opening a site whose watcher met a loop never crashes the host.

interface Layout {
  id: string;
  files: Record<string, string>;
  links: Record<string, string>;
  listed: string[];
}

const corpus = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'hostile', 'symlink-layouts.json'), 'utf8'),
) as { layouts: Layout[] };

let dir: string;
let cleanup: () => Promise<void>;
let libraries: Library[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  libraries = [];
});
afterEach(async () => {
  for (const library of libraries) await library.close();
  await cleanup();
});

async function build(layout: Layout): Promise<string> {
  const site = path.join(dir, 'site');
  await mkdir(path.join(dir, 'outside'), { recursive: true });
  await mkdir(site, { recursive: true });
  await writeFile(path.join(site, 'hugo.toml'), 'title = "Hostile"\n');
  for (const [name, text] of Object.entries(layout.files)) {
    const file = name.startsWith('outside/') ? path.join(dir, name) : path.join(site, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  if (!Object.keys(layout.links).includes('content'))
    await mkdir(path.join(site, 'content'), { recursive: true });
  for (const [name, target] of Object.entries(layout.links)) {
    const link = path.join(site, name);
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(target, link);
  }
  return site;
}

function library(watch = true): Library {
  const created = createLibrary({ watch });
  libraries.push(created);
  return created;
}

describe('hostile symbolic links', () => {
  it.each(corpus.layouts.map((layout) => [layout.id, layout] as const))(
    '%s: the list holds exactly the posts inside the site, and nothing from outside reaches any answer',
    async (_id, layout) => {
      const site = await build(layout);
      const lib = library();
      const seen: string[] = [];
      lib.subscribe((event, payload) => seen.push(`${event} ${JSON.stringify(payload)}`));
      await lib.handlers.openSite({ path: site });
      const posts = await lib.handlers.listPosts({});
      expect(posts.map((post) => post.id).sort()).toEqual(layout.listed);
      // What is listed can be opened and saved (a content folder linked inside the site works).
      for (const id of layout.listed) {
        const read = await lib.handlers.readPost({ id });
        await lib.handlers.savePost({ id, text: `${read.text}saved\n`, baseRevision: read.revision });
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      const info = await lib.handlers.openSite({});
      const everything = JSON.stringify([posts, info, seen]);
      expect(everything).not.toContain('Secret title from outside');
      expect(everything).not.toContain(path.join(dir, 'outside'));
    },
  );

  it('a content folder linked outside the site lists nothing from it, says so, and refuses its files', async () => {
    const site = await build(
      corpus.layouts.find((layout) => layout.id === 'content-folder-outside') as Layout,
    );
    const lib = library();
    const problems: PostProblemsEvent[] = [];
    const changes: PostChangedEvent[] = [];
    lib.subscribe((event, payload) => {
      if (event === 'postProblems') problems.push(payload as PostProblemsEvent);
      if (event === 'postChanged') changes.push(payload as PostChangedEvent);
    });
    await lib.handlers.openSite({ path: site });
    expect(await lib.handlers.listPosts({})).toEqual([]);
    expect((await lib.handlers.openSite({})).notice).toMatch(
      /content\/ is a symbolic link that leads outside the site/,
    );
    await expect(lib.handlers.readPost({ id: 'content/secret.md' })).rejects.toMatchObject({
      code: 'path-refused',
    });
    await writeFile(path.join(dir, 'outside', 'later.md'), '---\ntitle: Written outside later\n---\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(changes).toEqual([]);
    expect(problems.flatMap((event) => event.problems.map((problem) => problem.id))).toEqual([]);
  });

  it('two links to .. never grow the watcher, and re-opening the site never crashes the host', async () => {
    const site = await build(corpus.layouts[0] as Layout);
    // Many more links to `..` at several levels: each one followed would multiply the watched tree.
    for (let index = 0; index < 6; index += 1) await symlink('..', path.join(site, 'content', `up-${index}`));
    const lib = library();
    const changes: PostChangedEvent[] = [];
    lib.subscribe((event, payload) => {
      if (event === 'postChanged') changes.push(payload as PostChangedEvent);
    });
    const heapBefore = process.memoryUsage().heapUsed;
    for (let round = 0; round < 4; round += 1) {
      await lib.handlers.openSite({ path: site });
      expect((await lib.handlers.listPosts({})).map((post) => post.id)).toEqual(['content/posts/real.md']);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await writeFile(path.join(site, 'content/posts/new.md'), '---\ntitle: New\n---\n');
    await expect
      .poll(() => changes.map((change) => `${change.kind} ${change.id}`), { timeout: 8000 })
      .toContain('added content/posts/new.md');
    // Reported once, under its one real id, never again through content/up-N/posts/...
    expect(changes.filter((change) => change.id.endsWith('new.md')).map((change) => change.id)).toEqual([
      'content/posts/new.md',
    ]);
    const grown = process.memoryUsage().heapUsed - heapBefore;
    console.log(`heap growth after 4 opens of a site with 8 links to ..: ${(grown / 1e6).toFixed(1)} MB`);
    expect(grown).toBeLessThan(200e6);
  });
});

describe('a static folder linked outside the site', () => {
  it('lists no image from outside and serves none', async () => {
    const site = await build({ id: 'static-outside', files: {}, links: {}, listed: [] });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await mkdir(path.join(dir, 'outside', 'images'), { recursive: true });
    await writeFile(path.join(dir, 'outside', 'images', 'private.png'), png);
    await symlink('../outside', path.join(site, 'static'));
    const lib = library(false);
    await lib.handlers.openSite({ path: site });
    expect(await lib.handlers.listImages({})).toEqual([]);
    await expect(lib.readAsset('static/images/private.png')).rejects.toMatchObject({ code: 'path-refused' });
  });
});

describe('a large content folder', () => {
  it('20,000 files are listed in one bounded scan, and a lower bound cuts the scan with a notice', async () => {
    const started = performance.now();
    const site = path.join(dir, 'big');
    await mkdir(site, { recursive: true });
    await writeFile(path.join(site, 'hugo.toml'), 'title = "Big"\n');
    const model = path.join(dir, 'model.md');
    writeFileSync(model, '---\ntitle: One of many\n---\n');
    const folders = 100;
    const perFolder = 200;
    for (let folder = 0; folder < folders; folder += 1) {
      const at = path.join(site, 'content', `s${folder}`);
      mkdirSync(at, { recursive: true });
      // Hard links to one post: 20,000 directory entries at one system call each.
      for (let index = 0; index < perFolder; index += 1) linkSync(model, path.join(at, `p${index}.md`));
    }
    const written = performance.now();
    const info = await detectSite(site);
    const full = await scanPostFiles(info);
    expect(full.ids).toHaveLength(folders * perFolder);
    expect(full.notices).toEqual([]);
    const cut = await scanPostFiles(info, { maxDepth: 32, maxEntries: 5000 });
    expect(cut.ids.length).toBeLessThanOrEqual(5000);
    expect(cut.notices.join(' ')).toMatch(/more than 5,000 entries/);
    const shallow = await scanPostFiles(info, { maxDepth: 0, maxEntries: 5000 });
    expect(shallow.ids).toEqual([]);
    expect(shallow.notices.join(' ')).toMatch(/deeper than 0 levels/);
    const scanned = performance.now();
    const lib = library(false);
    await lib.handlers.openSite({ path: site });
    expect(await lib.handlers.listPosts({})).toHaveLength(folders * perFolder);
    console.log(
      `20,000 files: written in ${(written - started).toFixed(0)} ms, 3 scans ${(scanned - written).toFixed(0)} ms, listed in ${(performance.now() - scanned).toFixed(0)} ms`,
    );
  }, 60_000);
});
