import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupStore } from '../../../../electron/library/backup-store';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { copyFixtureSite, tempDir } from '../../../support/temp-site';

let dir: string;
let cleanupDir: () => Promise<void>;
let site: string;
let cleanupSite: () => Promise<void>;
let library: Library;

beforeEach(async () => {
  ({ dir, cleanup: cleanupDir } = await tempDir());
  ({ site, cleanup: cleanupSite } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false, backupDir: path.join(dir, 'backups') });
  await library.handlers.openSite({ path: site });
});
afterEach(async () => {
  await library.close();
  await cleanupSite();
  await cleanupDir();
});

describe('crash-recovery backups', () => {
  it('keeps one backup per post, lists it with the disk text, and drops it', async () => {
    const id = 'content/posts/second-post.md';
    const disk = (await library.handlers.readPost({ id })).text;
    await library.handlers.backupBuffer({ id, text: `${disk}first` });
    await library.handlers.backupBuffer({ id, text: `${disk}second` });
    const listed = await library.handlers.listBackups({});
    expect(listed).toEqual([{ id, text: `${disk}second`, diskText: disk, savedAt: expect.any(String) }]);
    expect(await library.handlers.dropBackup({ id })).toEqual({ dropped: true });
    expect(await library.handlers.listBackups({})).toEqual([]);
    expect(await library.handlers.dropBackup({ id })).toEqual({ dropped: false });
  });

  it('refuses ids outside the site and reports a file deleted since as gone', async () => {
    await expect(library.handlers.backupBuffer({ id: '../escape.md', text: 'x' })).rejects.toMatchObject({
      code: 'path-refused',
    });
    const id = 'content/posts/third-post.md';
    await library.handlers.backupBuffer({ id, text: 'kept' });
    await rm(path.join(site, id));
    expect(await library.handlers.listBackups({})).toEqual([
      { id, text: 'kept', diskText: null, savedAt: expect.any(String) },
    ]);
  });

  it('keeps sites apart, skips torn files, and removes backups of sites that no longer exist', async () => {
    const store = new BackupStore(path.join(dir, 'backups'));
    await store.save('/no/such/site', 'a.md', 'orphan');
    await store.save(site, 'content/posts/first-post.md', 'mine');
    await writeFile(path.join(dir, 'backups', 'torn.backup.json'), '{"siteRoot": ');
    const mine = await store.list(site);
    expect(mine.map((record) => record.text)).toEqual(['mine']);
    expect((await readdir(path.join(dir, 'backups'))).sort()).toHaveLength(2);
  });

  it('are off (no files, nothing listed) when the library has no backup folder', async () => {
    const plain = createLibrary({ watch: false });
    await plain.handlers.openSite({ path: site });
    expect(await plain.handlers.backupBuffer({ id: 'content/posts/first-post.md', text: 'x' })).toBeNull();
    expect(await plain.handlers.listBackups({})).toEqual([]);
    await plain.close();
  });
});
