import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { dispatch } from '../../../../shared/api';
import { copyFixtureSite, tempDir } from '../../../support/temp-site';

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

describe('checkSiteFiles', () => {
  it('answers which ids name files inside the site', async () => {
    const outside = await tempDir();
    await writeFile(path.join(outside.dir, 'secret.png'), 'x');
    await symlink(path.join(outside.dir, 'secret.png'), path.join(site, 'static', 'escape.png'));
    const result = await library.handlers.checkSiteFiles({
      ids: [
        'static/images/blog/first-post/photo.png',
        'static/images/missing.png',
        'static/images',
        'static/escape.png',
        '../outside.png',
        'static/images/blog/first-post/photo.png',
      ],
    });
    expect(result.existing).toEqual(['static/images/blog/first-post/photo.png']);
    await outside.cleanup();
  });

  it('validates its arguments through the contract', async () => {
    const outcome = await dispatch(library.handlers, 'checkSiteFiles', { ids: ['a\0b'] });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('previewSettings', () => {
  it('is empty without a configured stylesheet', async () => {
    expect(await library.handlers.previewSettings({})).toEqual({ stylesheet: null });
  });

  it('answers the configured stylesheet from the static folder when it exists', async () => {
    await mkdir(path.join(site, 'static', 'css'), { recursive: true });
    await writeFile(path.join(site, 'static', 'css', 'site.css'), 'body { color: rebeccapurple }');
    await writeFile(
      path.join(site, 'postdesk.config.json'),
      JSON.stringify({ previewStylesheet: '/css/site.css' }),
    );
    expect(await library.handlers.previewSettings({})).toEqual({ stylesheet: 'static/css/site.css' });
    await writeFile(
      path.join(site, 'postdesk.config.json'),
      JSON.stringify({ previewStylesheet: '/css/none.css' }),
    );
    expect(await library.handlers.previewSettings({})).toEqual({ stylesheet: null });
    await writeFile(
      path.join(site, 'postdesk.config.json'),
      JSON.stringify({ previewStylesheet: '/../../etc/x.css' }),
    );
    expect(await library.handlers.previewSettings({})).toEqual({ stylesheet: null });
  });
});
