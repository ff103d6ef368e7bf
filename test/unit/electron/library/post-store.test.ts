import { chmod, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostStore } from '../../../../electron/library/post-store';
import { copyFixtureSite } from '../../../support/temp-site';
import { realpath } from 'node:fs/promises';

let site: string;
let cleanup: () => Promise<void>;
let store: PostStore;
const id = 'content/posts/first-post.md';

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  site = await realpath(site);
  store = new PostStore(site);
});
afterEach(() => cleanup());

describe('PostStore', () => {
  it('reads the text, a revision with a sha256, and the body kind', async () => {
    const post = await store.read(id);
    const bytes = await readFile(path.join(site, id));
    expect(post.text).toBe(bytes.toString('utf8'));
    expect(post.revision.size).toBe(bytes.length);
    expect(post.revision.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(post.bodyKind).toBe('html');
    expect((await store.read('content/posts/second-post.md')).bodyKind).toBe('markdown');
  });

  it('saves atomically, leaves no temp file, and answers the new revision', async () => {
    const post = await store.read(id);
    const result = await store.save(id, `${post.text}more\n`, post.revision);
    expect(await readFile(path.join(site, id), 'utf8')).toBe(`${post.text}more\n`);
    expect(result.revision).toEqual((await store.read(id)).revision);
    expect(
      (await readdir(path.join(site, 'content', 'posts'))).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  });

  it('refuses a save whose revision is stale, even when the size is the same', async () => {
    const post = await store.read(id);
    const sameSize = post.text.replace('first', 'FIRST');
    await writeFile(path.join(site, id), sameSize);
    await expect(store.save(id, `${post.text}mine`, post.revision)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await readFile(path.join(site, id), 'utf8')).toBe(sameSize);
  });

  it('refuses a save of a post deleted on disk unless asked to overwrite', async () => {
    const post = await store.read(id);
    await writeFile(path.join(site, id), '');
    await import('node:fs/promises').then((fs) => fs.rm(path.join(site, id)));
    await expect(store.save(id, 'x', post.revision)).rejects.toThrow(/deleted on disk/);
    await store.save(id, 'x', null);
    expect(await readFile(path.join(site, id), 'utf8')).toBe('x');
  });

  it('keeps the file mode', async () => {
    await chmod(path.join(site, id), 0o640);
    const post = await store.read(id);
    await store.save(id, 'changed', post.revision);
    expect((await stat(path.join(site, id))).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink that stays inside the site, keeping the link', async () => {
    await symlink(path.join(site, id), path.join(site, 'content', 'posts', 'alias.md'));
    const post = await store.read('content/posts/alias.md');
    await store.save('content/posts/alias.md', 'through the link', post.revision);
    expect(await readFile(path.join(site, id), 'utf8')).toBe('through the link');
  });

  it('recognises its own write', async () => {
    const post = await store.read(id);
    await store.save(id, 'mine', post.revision);
    expect(await store.isOwnWrite(path.join(site, id))).toBe(true);
    await writeFile(path.join(site, id), 'theirs');
    expect(await store.isOwnWrite(path.join(site, id))).toBe(false);
  });

  it('does not take a later write of the same bytes by another program for its own', async () => {
    const file = path.join(site, id);
    const post = await store.read(id);
    await store.save(id, 'same bytes', post.revision);
    expect(await store.isOwnWrite(file)).toBe(true);
    // Another program writes exactly those bytes later (a sync tool, git checkout): a new mtime.
    await writeFile(file, 'same bytes');
    const later = new Date((await stat(file)).mtimeMs + 5000);
    await utimes(file, later, later);
    expect(await store.isOwnWrite(file)).toBe(false);
    // And the record is dropped: asked again, the answer stays no.
    expect(await store.isOwnWrite(file)).toBe(false);
  });
});
