import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, imageSizeLimit } from '../../../../../shared/api';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { makeJpeg } from '../../../../support/make-jpeg';
import { makePng } from '../../../../support/make-png';
import { copyFixtureSite, tempDir } from '../../../../support/temp-site';

let site: string;
let cleanup: () => Promise<void>;
let library: Library;

const png = makePng(30, 20, (x, y) => [x * 8, y * 12, 90]);
const post = 'content/posts/second-post.md';

function importArgs(bytes: Uint8Array, fileName: string, extra: Record<string, unknown> = {}) {
  return { postId: post, fileName, data: Buffer.from(bytes).toString('base64'), ...extra };
}

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('importImage', () => {
  it('copies the bytes into static/images/<section>/<slug>/ and answers the site-root URL', async () => {
    const outcome = await dispatch(library.handlers, 'importImage', importArgs(png, 'My Chart.PNG'));
    expect(outcome).toEqual({
      ok: true,
      value: {
        id: 'static/images/posts/second-post/my-chart.png',
        url: '/images/posts/second-post/my-chart.png',
        type: 'png',
        size: png.length,
        width: 30,
        height: 20,
      },
    });
    const written = await readFile(path.join(site, 'static/images/posts/second-post/my-chart.png'));
    expect(written.equals(png)).toBe(true);
  });

  it('never overwrites: the same name again becomes -2, then -3, and the first file is kept', async () => {
    const jpeg = makeJpeg(16, 16, () => 40);
    const first = await library.handlers.importImage(importArgs(png, 'photo.jpg'));
    const second = await library.handlers.importImage(importArgs(jpeg, 'photo.jpg'));
    const third = await library.handlers.importImage(importArgs(jpeg, 'Photo.JPG'));
    expect([first.id, second.id, third.id]).toEqual([
      'static/images/posts/second-post/photo.png',
      'static/images/posts/second-post/photo.jpg',
      'static/images/posts/second-post/photo-2.jpg',
    ]);
    const folder = path.join(site, 'static/images/posts/second-post');
    expect((await readFile(path.join(folder, 'photo.png'))).equals(png)).toBe(true);
    expect((await readFile(path.join(folder, 'photo.jpg'))).equals(jpeg)).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(['photo-2.jpg', 'photo.jpg', 'photo.png']);
  });

  it('gives concurrent imports of one name distinct files', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => library.handlers.importImage(importArgs(png, 'same.png'))),
    );
    expect(new Set(results.map((result) => result.id)).size).toBe(5);
    const folder = path.join(site, 'static/images/posts/second-post');
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses files that are not images, whatever their name, and writes nothing', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const outcome = await dispatch(library.handlers, 'importImage', importArgs(pdf, 'fake.png'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(outcome.ok === false && outcome.error.message).toMatch(/"fake.png" is not an image/);
    await expect(readdir(path.join(site, 'static/images/posts'))).rejects.toThrow();
  });

  it('refuses data that is not base64', async () => {
    const outcome = await dispatch(library.handlers, 'importImage', {
      postId: post,
      fileName: 'x.png',
      data: 'not base64!',
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('asks for confirmation above the size limit', async () => {
    const large = Buffer.concat([png, Buffer.alloc(imageSizeLimit + 1 - png.length)]);
    await expect(library.handlers.importImage(importArgs(large, 'big.png'))).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/over the 10 MB limit/),
    });
    const added = await library.handlers.importImage(importArgs(large, 'big.png', { confirmLarge: true }));
    expect(added.size).toBe(large.length);
    expect((await readFile(path.join(site, added.id))).length).toBe(large.length);
  });

  it('puts page-bundle images in the bundle and answers the bare file name', async () => {
    await mkdir(path.join(site, 'content/posts/trip'), { recursive: true });
    await writeFile(path.join(site, 'content/posts/trip/index.md'), '---\ntitle: Trip\n---\nBody\n');
    const added = await library.handlers.importImage({
      ...importArgs(png, 'view.png'),
      postId: 'content/posts/trip/index.md',
    });
    expect(added).toMatchObject({ id: 'content/posts/trip/view.png', url: 'view.png' });
  });

  it('follows the imageFolder pattern of postdesk.config.json', async () => {
    await writeFile(path.join(site, 'postdesk.config.json'), '{"imageFolder": "static/uploads/{slug}"}');
    const added = await library.handlers.importImage(importArgs(png, 'a.png'));
    expect(added).toMatchObject({
      id: 'static/uploads/second-post/a.png',
      url: '/uploads/second-post/a.png',
    });
  });

  it('keeps every path inside the site', async () => {
    await expect(
      library.handlers.importImage({ ...importArgs(png, 'a.png'), postId: '../outside.md' }),
    ).rejects.toMatchObject({ code: 'path-refused' });
    await expect(
      library.handlers.importImage({ ...importArgs(png, 'a.png'), postId: 'content/posts/missing.md' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await writeFile(path.join(site, 'postdesk.config.json'), '{"imageFolder": "../escape/{slug}"}');
    await expect(library.handlers.importImage(importArgs(png, 'a.png'))).rejects.toMatchObject({
      code: 'path-refused',
    });

    const { dir: outside, cleanup: removeOutside } = await tempDir();
    try {
      await writeFile(path.join(site, 'postdesk.config.json'), '{"imageFolder": "static/linked/{slug}"}');
      await symlink(outside, path.join(site, 'static/linked'));
      await expect(library.handlers.importImage(importArgs(png, 'a.png'))).rejects.toMatchObject({
        code: 'path-refused',
      });
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await removeOutside();
    }
  });

  it('reports a folder that cannot be made as an io error', async () => {
    await mkdir(path.join(site, 'static/images/posts'), { recursive: true });
    await writeFile(path.join(site, 'static/images/posts/second-post'), 'a file where the folder should be');
    await expect(library.handlers.importImage(importArgs(png, 'a.png'))).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/Could not create the image folder static\/images\/posts\/second-post/),
    });
  });

  it('Jekyll: assets/images/<slug>/ served from the site root', async () => {
    const { dir, cleanup: removeJekyll } = await tempDir();
    const jekyll = createLibrary({ watch: false });
    try {
      await writeFile(path.join(dir, '_config.yml'), 'title: J\n');
      await mkdir(path.join(dir, '_posts'));
      await writeFile(path.join(dir, '_posts/2024-03-05-hello.md'), '---\ntitle: Hello\n---\nHi\n');
      await jekyll.handlers.openSite({ path: dir });
      const added = await jekyll.handlers.importImage({
        ...importArgs(png, 'pic.png'),
        postId: '_posts/2024-03-05-hello.md',
      });
      expect(added).toMatchObject({ id: 'assets/images/hello/pic.png', url: '/assets/images/hello/pic.png' });
      expect((await readFile(path.join(dir, 'assets/images/hello/pic.png'))).equals(png)).toBe(true);
    } finally {
      await jekyll.close();
      await removeJekyll();
    }
  });
});
