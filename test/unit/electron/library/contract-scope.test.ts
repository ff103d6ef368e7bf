import { readFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { serveOnBothHosts, type BothHosts } from '../../../support/both-hosts';
import { copyFixtureSite, tempDir } from '../../../support/temp-site';

const realFixtures = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'real');

// The contract serves posts and their assets, nothing else: the hostile site files of
// test/fixtures/hostile/contract-paths.json and the trash entries of trash-entries.json, driven
// through the HTTP host and the IPC host; openSite opens only a folder the app itself opened.

const hostileDir = path.join(__dirname, '..', '..', '..', 'fixtures', 'hostile');
const paths = JSON.parse(readFileSync(path.join(hostileDir, 'contract-paths.json'), 'utf8')) as {
  files: Record<string, string>;
  links: Record<string, string>;
  posts: string[];
  assets: string[];
};
interface TrashCase {
  id: string;
  meta: { originalId: string; title: string; bundle: boolean; item: string };
  item: { file?: string; mode?: number; folder?: Record<string, string>; link?: string };
  forbidden: string;
}
const trash = JSON.parse(readFileSync(path.join(hostileDir, 'trash-entries.json'), 'utf8')) as {
  entries: TrashCase[];
};

let site: string;
let elsewhere: string;
let library: Library;
let hosts: BothHosts;
const cleanups: Array<() => Promise<void>> = [];
const before = new Map<string, string>();

beforeAll(async () => {
  const copy = await copyFixtureSite('hugo-basic');
  site = copy.site;
  cleanups.push(copy.cleanup);
  for (const [name, text] of Object.entries(paths.files)) {
    await mkdir(path.dirname(path.join(site, name)), { recursive: true });
    await writeFile(path.join(site, name), text);
  }
  await chmod(path.join(site, '.git/hooks/pre-commit'), 0o755);
  for (const [name, target] of Object.entries(paths.links)) await symlink(target, path.join(site, name));
  await writeFile(path.join(site, '.git/notes.md'), paths.files['.git/notes.md'] ?? '');
  for (const trashCase of trash.entries) {
    const folder = path.join(site, '.postdesk-trash', trashCase.id);
    await mkdir(folder, { recursive: true });
    const record = { ...trashCase.meta, deletedAt: '2026-12-01T00:00:00.000Z' };
    await writeFile(path.join(folder, 'postdesk-trash.json'), JSON.stringify(record));
    const item = path.join(folder, trashCase.meta.item);
    if (trashCase.item.file !== undefined) {
      await writeFile(item, trashCase.item.file);
      await chmod(item, trashCase.item.mode ?? 0o644);
    } else if (trashCase.item.folder) {
      await mkdir(item);
      for (const [name, text] of Object.entries(trashCase.item.folder))
        await writeFile(path.join(item, name), text);
    } else if (trashCase.item.link) {
      await symlink(trashCase.item.link, item);
    }
  }
  for (const name of [
    'hugo.toml',
    'postdesk.config.json',
    '.git/config',
    '.git/hooks/pre-commit',
    'README.md',
  ]) {
    before.set(name, await readFile(path.join(site, name), 'utf8'));
  }
  const other = await tempDir();
  cleanups.push(other.cleanup);
  elsewhere = other.dir;
  await writeFile(path.join(elsewhere, 'hugo.toml'), 'title = "Another site"\n');
  await mkdir(path.join(elsewhere, 'content'));
  await writeFile(path.join(elsewhere, 'content', 'other.md'), '---\ntitle: Other\n---\n');
  await writeFile(path.join(elsewhere, 'loose-file.md'), 'a file outside any site');
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  hosts = await serveOnBothHosts(library);
});
afterAll(async () => {
  await hosts.close();
  await library.close();
  for (const cleanup of cleanups) await cleanup();
});

const overHttp = (method: string, args: unknown): Promise<Outcome> => hosts.overHttp(method, args);
const overIpc = (method: string, args: unknown): Promise<Outcome> => hosts.overIpc(method, args);

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const postMethods: Array<[string, (id: string) => unknown]> = [
  ['readPost', (id) => ({ id })],
  ['savePost', (id) => ({ id, text: 'pwned', baseRevision: null, force: true })],
  ['renamePost', (id) => ({ id, slug: 'renamed' })],
  ['duplicatePost', (id) => ({ id })],
  ['deletePost', (id) => ({ id })],
  ['backupBuffer', (id) => ({ id, text: 'pwned' })],
  ['importImage', (id) => ({ postId: id, fileName: 'x.png', data: png.toString('base64') })],
];

async function untouched(): Promise<void> {
  for (const [name, text] of before) expect(await readFile(path.join(site, name), 'utf8'), name).toBe(text);
  expect((await stat(path.join(site, '.git/hooks/pre-commit'))).mode & 0o777).toBe(0o755);
}

describe.each([
  ['the HTTP host', overHttp],
  ['the IPC host', overIpc],
])('the contract over %s', (_name, call) => {
  it.each(paths.posts)('refuses %j for every post method', async (id) => {
    for (const [method, args] of postMethods) {
      const outcome = await call(method, args(id));
      expect(outcome.ok, `${method} ${id}`).toBe(false);
      if (outcome.ok) continue;
      expect(['path-refused', 'invalid-argument'], `${method} ${id}: ${outcome.error.message}`).toContain(
        outcome.error.code,
      );
    }
    await untouched();
  });

  it('still serves the real posts', async () => {
    const read = await call('readPost', { id: 'content/posts/first-post.md' });
    expect(read.ok).toBe(true);
    const imported = await call('importImage', {
      postId: 'content/posts/first-post.md',
      fileName: 'dot.png',
      data: png.toString('base64'),
    });
    expect(imported).toMatchObject({ ok: true });
  });

  it.each(trash.entries.map((entry) => [entry.id, entry] as const))(
    'refuses to restore the hostile trash entry %s and leaves it in place',
    async (_id, entry) => {
      const outcome = await call('restorePost', { trashId: entry.id });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(['path-refused', 'invalid-argument', 'exists']).toContain(outcome.error.code);
      expect(await lstat(path.join(site, '.postdesk-trash', entry.id, entry.meta.item))).toBeTruthy();
      if (!before.has(entry.forbidden)) {
        expect(await lstat(path.join(site, entry.forbidden)).catch(() => null), entry.forbidden).toBeNull();
      }
      await untouched();
    },
  );

  it('opens only the folder it was started with, never one a page names', async () => {
    for (const folder of [
      elsewhere,
      path.join(elsewhere, 'content'),
      path.join(elsewhere, 'loose-file.md'),
      '/',
    ]) {
      const outcome = await call('openSite', { path: folder });
      expect(outcome, folder).toMatchObject({ ok: false, error: { code: 'path-refused' } });
    }
    expect(await call('openSite', { path: site })).toMatchObject({ ok: true });
    expect(await call('openSite', {})).toMatchObject({
      ok: true,
      value: { root: library.openedFolders().values().next().value },
    });
    const listed = await call('listPosts', {});
    expect(JSON.stringify(listed)).not.toContain('Other');
  });
});

describe('the asset route of the library', () => {
  it.each(paths.assets)('refuses %j (not in the static, assets or content folders)', async (id) => {
    await expect(library.readAsset(id)).rejects.toMatchObject({ code: 'path-refused' });
  });

  it('serves images of the static folder and of the content folders', async () => {
    expect((await library.readAsset('static/images/blog/first-post/photo.png')).contentType).toBe(
      'image/png',
    );
  });
});

describe('restoring a real trash entry', () => {
  it('puts the post back as a plain file without execute bits', async () => {
    const deleted = await overHttp('deletePost', { id: 'content/posts/third-post.md' });
    expect(deleted).toMatchObject({ ok: true, value: { trash: 'folder' } });
    if (!deleted.ok) return;
    const { trashId } = deleted.value as { trashId: string };
    const moved = path.join(site, '.postdesk-trash', trashId, 'third-post.md');
    await chmod(moved, 0o755);
    expect(await overIpc('restorePost', { trashId })).toMatchObject({ ok: true });
    expect((await stat(path.join(site, 'content/posts/third-post.md'))).mode & 0o777).toBe(0o644);
  });
});

describe("the scope follows each generator's folders", () => {
  it('serves Jekyll pages at the root, never its layouts or includes, and Astro images in src/assets', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const jekyll = path.join(dir, 'jekyll-docs');
      await cp(path.join(realFixtures, 'jekyll-docs'), jekyll, { recursive: true });
      const library = createLibrary({ watch: false });
      await library.handlers.openSite({ path: jekyll });
      await expect(library.handlers.readPost({ id: 'index.html' })).resolves.toMatchObject({
        id: 'index.html',
      });
      for (const id of ['_layouts/default.html', '_includes/header.html']) {
        await expect(library.handlers.readPost({ id })).rejects.toMatchObject({ code: 'path-refused' });
      }
      const astro = path.join(dir, 'astro-blog');
      await cp(path.join(realFixtures, 'astro-blog'), astro, { recursive: true });
      await library.handlers.openSite({ path: astro });
      const asset = await library.readAsset('src/assets/harbour-1.png');
      expect(asset.contentType).toBe('image/png');
      await library.close();
    } finally {
      await cleanup();
    }
  });
});
