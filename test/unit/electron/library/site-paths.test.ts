import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkRelativeId,
  resolveEntry,
  resolveExisting,
  resolveForWrite,
} from '../../../../electron/library/site-paths';
import { tempDir } from '../../../support/temp-site';

let dir: string;
let root: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  root = path.join(dir, 'site');
  await mkdir(path.join(root, 'content'), { recursive: true });
  await writeFile(path.join(root, 'content', 'post.md'), 'x');
  await mkdir(path.join(dir, 'site-evil'));
  await writeFile(path.join(dir, 'site-evil', 'secret.md'), 'secret');
  await writeFile(path.join(dir, 'outside.md'), 'outside');
  root = await realpath(root);
});
afterEach(() => cleanup());

describe('checkRelativeId', () => {
  it.each([
    ['../outside.md', /climbs out/],
    ['content/../../outside.md', /climbs out/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/win.ini', /absolute/],
    ['content\\..\\..\\outside.md', /backslash/],
    ['content/a\0.md', /NUL/],
    ['content/CON', /device name/],
    ['content/nul.md', /device name/],
    ['content//post.md', /empty/],
    ['./content/post.md', /empty or "."/],
    ['..\\outside.md', /backslash/],
    ['\\\\server\\share\\x.md', /backslash/],
    ['c:relative.md', /absolute/],
    ['content/COM1.md', /device name/],
    ['content/lpt9.txt', /device name/],
    ['AUX/post.md', /device name/],
    ['content/prn', /device name/],
    ['content/.', /empty or "."/],
  ])('refuses %j', (id, why) => {
    expect(() => checkRelativeId(id)).toThrow(why);
  });

  it('accepts an ordinary site-relative id', () => {
    expect(checkRelativeId('content/posts/a b.md')).toEqual(['content', 'posts', 'a b.md']);
  });
});

describe('resolveExisting', () => {
  it('resolves a file inside the site', async () => {
    expect(await resolveExisting(root, 'content/post.md')).toBe(path.join(root, 'content', 'post.md'));
  });

  it('refuses a sibling folder that shares the root prefix', async () => {
    await expect(resolveExisting(root, '../site-evil/secret.md')).rejects.toMatchObject({
      code: 'path-refused',
    });
  });

  it('refuses a symlinked file whose target leaves the site', async () => {
    await symlink(path.join(dir, 'outside.md'), path.join(root, 'content', 'link.md'));
    await expect(resolveExisting(root, 'content/link.md')).rejects.toMatchObject({ code: 'path-refused' });
  });

  it('refuses a symlinked folder whose target leaves the site', async () => {
    await symlink(path.join(dir, 'site-evil'), path.join(root, 'content', 'evil'));
    await expect(resolveExisting(root, 'content/evil/secret.md')).rejects.toMatchObject({
      code: 'path-refused',
    });
  });

  it('refuses a dangling symlink', async () => {
    await symlink(path.join(root, 'gone.md'), path.join(root, 'content', 'dangling.md'));
    await expect(resolveExisting(root, 'content/dangling.md')).rejects.toThrow(/link to nothing/);
  });

  it('follows a symlink that stays inside the site', async () => {
    await symlink(path.join(root, 'content', 'post.md'), path.join(root, 'content', 'alias.md'));
    expect(await resolveExisting(root, 'content/alias.md')).toBe(path.join(root, 'content', 'post.md'));
  });

  it('refuses a path through a dangling symlinked folder', async () => {
    await symlink(path.join(root, 'gone'), path.join(root, 'content', 'gone-dir'));
    await expect(resolveExisting(root, 'content/gone-dir/post.md')).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(resolveForWrite(root, 'content/gone-dir/post.md')).rejects.toThrow(/broken link/);
  });

  it('refuses a symlink loop without hanging', async () => {
    await symlink(path.join(root, 'content', 'loop-b'), path.join(root, 'content', 'loop-a'));
    await symlink(path.join(root, 'content', 'loop-a'), path.join(root, 'content', 'loop-b'));
    await expect(resolveExisting(root, 'content/loop-a')).rejects.toMatchObject({ code: 'path-refused' });
  });

  it('refuses a file in a sibling folder reached through a link to the prefix-sharing folder', async () => {
    await symlink(path.join(dir, 'site-evil', 'secret.md'), path.join(root, 'content', 'prefix.md'));
    await expect(resolveExisting(root, 'content/prefix.md')).rejects.toThrow(/outside the site/);
  });

  it('answers not-found for a missing file', async () => {
    await expect(resolveExisting(root, 'content/missing.md')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('resolveForWrite', () => {
  it('allows a new file in a new folder inside the site', async () => {
    expect(await resolveForWrite(root, 'content/new/post.md')).toBe(
      path.join(root, 'content', 'new', 'post.md'),
    );
  });

  it('refuses a new file below a symlinked folder that leaves the site', async () => {
    await symlink(path.join(dir, 'site-evil'), path.join(root, 'content', 'evil'));
    await expect(resolveForWrite(root, 'content/evil/new.md')).rejects.toMatchObject({
      code: 'path-refused',
    });
  });
});

describe('resolveEntry', () => {
  it('answers the link itself, not its target, for a link inside the site', async () => {
    await symlink(path.join(root, 'content', 'post.md'), path.join(root, 'content', 'alias.md'));
    expect(await resolveEntry(root, 'content/alias.md')).toBe(path.join(root, 'content', 'alias.md'));
  });

  it('refuses an entry whose folder leads out of the site', async () => {
    await symlink(path.join(dir, 'site-evil'), path.join(root, 'content', 'evil'));
    await expect(resolveEntry(root, 'content/evil/secret.md')).rejects.toMatchObject({
      code: 'path-refused',
    });
  });
});
