import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../electron/library/library-service';
import { readFrontMatter, writeFrontMatter } from '../../../../../shared/post/front-matter/front-matter-edit';
import type { FmMap } from '../../../../../shared/post/front-matter/located-tree';
import { splitFrontMatter } from '../../../../../shared/post/split-front-matter';
import { copyRealSite } from '../../../../support/real-sites';
import { tempDir } from '../../../../support/temp-site';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '..', '..', '..', '..', '..');
const eleventyCli = path.join(repo, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const astroCli = path.join(repo, 'node_modules', 'astro', 'astro.js');
const inCi = process.env.CI === 'true';

/** The full path of a program on PATH, or null. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return null;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Sets one front matter key of `id` through the library (read, lossless write, save). */
async function setTitle(site: string, id: string, title: string): Promise<void> {
  const library = createLibrary();
  cleanups.push(() => library.close());
  await library.handlers.openSite({ path: site });
  const post = await library.handlers.readPost({ id });
  const split = splitFrontMatter(post.text);
  const raw = post.text.slice(split.rawStart, split.rawEnd);
  const read = readFrontMatter(raw, split.format!);
  if (!read.ok) throw new Error(read.error);
  const next = writeFrontMatter(raw, split.format!, { ...(read.data as FmMap), title });
  const text = post.text.slice(0, split.rawStart) + next + post.text.slice(split.rawEnd);
  await library.handlers.savePost({ id, text, baseRevision: post.revision });
}

describe('the generators build what Postdesk wrote', () => {
  const hasEleventy = existsSync(eleventyCli);
  if (!hasEleventy) {
    console.log(`Eleventy build test: ${eleventyCli} is missing (npm ci installs @11ty/eleventy).`);
  }
  it.skipIf(!hasEleventy && !inCi)(
    'Eleventy builds the fixture after an edit and the new title is in the output',
    async () => {
      expect(hasEleventy, 'the @11ty/eleventy dev dependency must be installed in CI').toBe(true);
      const copy = await copyRealSite('eleventy-base-blog');
      cleanups.push(copy.cleanup);
      const out = await tempDir('postdesk-11ty-out-');
      cleanups.push(out.cleanup);
      // The site's config imports @11ty/eleventy: let it resolve to the repository's copy.
      await symlink(path.join(repo, 'node_modules'), path.join(copy.site, 'node_modules'), 'dir');
      await setTitle(copy.site, 'content/blog/compost-notes.md', 'Four bins & a sieve');
      await run(process.execPath, [eleventyCli, `--output=${out.dir}`, '--quiet'], {
        cwd: copy.site,
        timeout: 60_000,
      });
      const html = await readFile(path.join(out.dir, 'blog', 'compost-notes', 'index.html'), 'utf8');
      expect(html).toContain('<h1>Four bins &amp; a sieve</h1>');
      // The public/ passthrough puts its files at the site root, as Postdesk resolves them.
      expect(existsSync(path.join(out.dir, 'img', 'beans.png'))).toBe(true);
    },
  );

  const jekyll = onPath('jekyll');
  if (jekyll === null)
    console.log("Jekyll build test: no jekyll on PATH (.ci/run installs Debian's jekyll).");
  it.skipIf(jekyll === null && !inCi)(
    'Jekyll builds the fixture after an edit and the new title is in the output',
    async () => {
      expect(jekyll, 'Debian jekyll must be installed in CI (.ci/run)').not.toBeNull();
      const copy = await copyRealSite('jekyll-docs');
      cleanups.push(copy.cleanup);
      const out = await tempDir('postdesk-jekyll-out-');
      cleanups.push(out.cleanup);
      await setTitle(copy.site, '_docs/installation.md', 'Installing Lantern, step by step');
      await run(jekyll!, ['build', '--safe', '--quiet', '--source', copy.site, '--destination', out.dir], {
        timeout: 60_000,
      });
      const html = await readFile(path.join(out.dir, 'docs', 'installation', 'index.html'), 'utf8');
      expect(html).toContain('<h1>Installing Lantern, step by step</h1>');
    },
  );

  const hugo = onPath('hugo');
  if (hugo === null) console.log("Hugo build test: no hugo on PATH (.ci/run installs Debian's hugo).");
  it.skipIf(hugo === null && !inCi)(
    'Hugo builds the fixture (config/_default, mounts) after an edit',
    async () => {
      expect(hugo, 'hugo must be installed in CI (.ci/run)').not.toBeNull();
      const copy = await copyRealSite('hugo-docs');
      cleanups.push(copy.cleanup);
      const out = await tempDir('postdesk-hugo-out-');
      cleanups.push(out.cleanup);
      await setTitle(copy.site, 'content/en/functions/resources/Get.md', 'resources.Get & friends');
      await run(hugo!, ['--quiet', '--source', copy.site, '--destination', out.dir], { timeout: 60_000 });
      const html = await readFile(path.join(out.dir, 'functions', 'resources', 'get', 'index.html'), 'utf8');
      expect(html).toContain('resources.Get &amp; friends');
    },
  );

  const hasAstro = existsSync(astroCli);
  if (!hasAstro) console.log(`Astro build test: ${astroCli} is missing (npm ci installs astro).`);
  it.skipIf(!hasAstro && !inCi)(
    'Astro builds the fixture (a content collection with .mdx) after an edit of the .mdx post',
    async () => {
      expect(hasAstro, 'the astro dev dependency must be installed in CI').toBe(true);
      const copy = await copyRealSite('astro-blog');
      cleanups.push(copy.cleanup);
      // The site's config imports astro and @astrojs/mdx: let them resolve to the repository's copies.
      await symlink(path.join(repo, 'node_modules'), path.join(copy.site, 'node_modules'), 'dir');
      await setTitle(copy.site, 'src/content/blog/using-mdx.mdx', 'Tide charts & their MDX');
      await run(process.execPath, [astroCli, 'build', '--silent'], {
        cwd: copy.site,
        timeout: 120_000,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      const html = await readFile(path.join(copy.site, 'dist', 'blog', 'using-mdx', 'index.html'), 'utf8');
      expect(html).toContain('<h1>Tide charts &amp; their MDX</h1>');
      // The imports and JSX Postdesk kept byte for byte still build: the components rendered.
      expect(html).toContain('<figcaption>Falmouth</figcaption>');
      expect(html).toContain('<span class="badge">new</span>');
    },
    150_000,
  );
});
