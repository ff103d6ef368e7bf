import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { makeJpeg } from '../../../../support/make-jpeg';
import { makePng } from '../../../../support/make-png';
import { copyFixtureSite } from '../../../../support/temp-site';

let site: string;
let cleanup: () => Promise<void>;
let library: Library;

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('listImages', () => {
  it('lists the static images with size, dimensions and the posts using them', async () => {
    const images = await library.handlers.listImages({});
    expect(images).toEqual([
      {
        id: 'static/images/blog/first-post/photo.png',
        url: '/images/blog/first-post/photo.png',
        type: 'png',
        size: expect.any(Number),
        width: 240,
        height: expect.any(Number),
        mtimeMs: expect.any(Number),
        usedBy: ['content/posts/first-post.md'],
      },
    ]);
  });

  it('finds references in Markdown, HTML, front matter and bundles, and follows edits', async () => {
    const jpeg = makeJpeg(64, 48, (x) => x * 3);
    await mkdir(path.join(site, 'static/images/shared'), { recursive: true });
    await writeFile(path.join(site, 'static/images/shared/cover.jpg'), jpeg);
    await writeFile(
      path.join(site, 'static/images/shared/unused.png'),
      makePng(2, 2, () => [0, 0, 0]),
    );
    await writeFile(path.join(site, 'static/images/shared/not-really.png'), 'text, not a PNG');
    await mkdir(path.join(site, 'content/posts/trip'), { recursive: true });
    await writeFile(
      path.join(site, 'content/posts/trip/view.png'),
      makePng(8, 4, () => [9, 9, 9]),
    );
    await writeFile(
      path.join(site, 'content/posts/trip/index.md'),
      '---\ntitle: Trip\nimage: images/shared/cover.jpg\n---\n![A view](view.png "title")\n',
    );
    const second = path.join(site, 'content/posts/second-post.md');
    await writeFile(second, '---\ntitle: Second\n---\n![Cover](/images/shared/cover.jpg)\n');

    const byId = async () =>
      new Map((await library.handlers.listImages({})).map((image) => [image.id, image]));
    let images = await byId();
    expect([...images.keys()]).toEqual([
      'content/posts/trip/view.png',
      'static/images/blog/first-post/photo.png',
      'static/images/shared/cover.jpg',
      'static/images/shared/unused.png',
    ]);
    expect(images.get('static/images/shared/cover.jpg')).toMatchObject({
      url: '/images/shared/cover.jpg',
      type: 'jpeg',
      size: jpeg.length,
      width: 64,
      height: 48,
      usedBy: ['content/posts/second-post.md', 'content/posts/trip/index.md'],
    });
    expect(images.get('content/posts/trip/view.png')).toMatchObject({
      url: null,
      width: 8,
      usedBy: ['content/posts/trip/index.md'],
    });
    expect(images.get('static/images/shared/unused.png')?.usedBy).toEqual([]);

    await writeFile(
      second,
      '---\ntitle: Second, edited\n---\n<img src="/images/shared/unused.png" alt="x">\n',
    );
    images = await byId();
    expect(images.get('static/images/shared/cover.jpg')?.usedBy).toEqual(['content/posts/trip/index.md']);
    expect(images.get('static/images/shared/unused.png')?.usedBy).toEqual(['content/posts/second-post.md']);
  });

  it('scans posts holding long data URIs in one pass (no backtracking per position)', async () => {
    const dataUri = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUg'.repeat(50_000)}`;
    await writeFile(
      path.join(site, 'content/posts/second-post.md'),
      `---\ntitle: Second\n---\n![inline](${dataUri})\n\n![photo](/images/blog/first-post/photo.png)\n`,
    );
    const images = await library.handlers.listImages({});
    expect(images[0]?.usedBy).toEqual(['content/posts/first-post.md', 'content/posts/second-post.md']);
  });

  it('includes images added through importImage', async () => {
    const png = makePng(12, 7, () => [1, 2, 3]);
    const added = await library.handlers.importImage({
      postId: 'content/posts/third-post.md',
      fileName: 'new.png',
      data: png.toString('base64'),
    });
    const listed = (await library.handlers.listImages({})).find((image) => image.id === added.id);
    expect(listed).toMatchObject({ url: added.url, width: 12, height: 7, usedBy: [] });
  });
});
