import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { makePng } from '../../../../support/make-png';
import { copyFixtureSite } from '../../../../support/temp-site';

let site: string;
let cleanup: () => Promise<void>;
let library: Library;
const png = makePng(4, 4, () => [1, 2, 3]);
const exists = (id: string): Promise<boolean> =>
  access(path.join(site, id)).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('discardImages', () => {
  it('removes only images this session added, once', async () => {
    const added = await library.handlers.importImage({
      postId: 'content/posts/second-post.md',
      fileName: 'chart.png',
      data: Buffer.from(png).toString('base64'),
    });
    expect(await exists(added.id)).toBe(true);
    const existing = 'static/images/blog/first-post/photo.png';
    expect(await exists(existing)).toBe(true);
    // A path outside the site is refused like in every other method, and then nothing is removed.
    await expect(library.handlers.discardImages({ ids: [added.id, '../outside.png'] })).rejects.toMatchObject(
      { code: 'path-refused' },
    );
    expect(await exists(added.id)).toBe(true);
    const answer = await library.handlers.discardImages({ ids: [added.id, existing] });
    expect(answer).toEqual({ removed: [added.id] });
    expect(await exists(added.id)).toBe(false);
    // A file the site had is never touched, nor asked for twice.
    expect(await exists(existing)).toBe(true);
    expect(await library.handlers.discardImages({ ids: [added.id] })).toEqual({ removed: [] });
  });
});
