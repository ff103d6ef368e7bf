import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectSite } from '../../../../../electron/library/site-detect';
import { overlayConfig, pagePath } from '../../../../../electron/library/site-preview/hugo-server';
import { postUrl, readPreviewFacts } from '../../../../../electron/library/site-preview/preview-facts';
import { createSitePreview } from '../../../../../electron/library/site-preview/site-preview-service';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'fixtures', 'sites');
const temps: string[] = [];

async function copyOf(name: string, from = fixtures): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-site-preview-'));
  temps.push(dir);
  const site = path.join(dir, name);
  await cp(path.join(from, name), site, { recursive: true });
  return site;
}

afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('preview facts', () => {
  it('reads a Hugo site: base URL, params, passthrough math, highlight style and post URLs', async () => {
    const info = await detectSite(await copyOf('real-hugo'));
    const facts = await readPreviewFacts(info, [
      'content/posts/packing-list.md',
      'content/posts/field-notes/index.md',
    ]);
    expect(facts).toMatchObject({
      dialects: { hugo: true, liquid: false },
      baseUrl: 'https://notes.example.net/',
      math: true,
      highlightStyle: 'monokai',
      posts: [
        { id: 'content/posts/packing-list.md', url: '/posts/packing-list/' },
        { id: 'content/posts/field-notes/index.md', url: '/posts/field-notes/' },
      ],
    });
    expect(facts.params).toMatchObject({ maintainer: 'Rosa Lindqvist' });
  });

  it('reads a Jekyll site: url, baseurl, kramdown math, dated post URLs and include files', async () => {
    const info = await detectSite(await copyOf('real-jekyll'));
    const facts = await readPreviewFacts(info, ['_posts/2024-02-20-winter-moorings.md']);
    expect(facts).toMatchObject({
      dialects: { hugo: false, liquid: true },
      baseUrl: 'https://harbour.example.org',
      basePath: '/log',
      math: true,
      includes: ['tide-table.html'],
      posts: [{ url: '/2024/02/20/winter-moorings.html' }],
    });
  });

  it('maps ids to URLs and honours slug and url front matter', () => {
    const hugo = { generator: 'hugo' as const, contentDirs: ['content'] };
    expect(postUrl('content/posts/A-Post.md', hugo)).toBe('/posts/a-post/');
    expect(postUrl('content/_index.md', hugo)).toBe('/');
    expect(pagePath('content/posts/x.md', '---\nslug: other\n---\n', hugo)).toBe('/posts/other/');
    expect(pagePath('content/posts/x.md', '---\nurl: /custom/place/\n---\n', hugo)).toBe('/custom/place/');
  });

  it('writes an overlay that mounts the shadow folder before the content folder', () => {
    const overlay = overlayConfig('/tmp/s"x', '/site/content', '/tmp/r');
    expect(overlay).toBe(
      'resourceDir = "/tmp/r"\n[[module.mounts]]\nsource = "/tmp/s\\"x"\ntarget = "content"\n[[module.mounts]]\nsource = "/site/content"\ntarget = "content"\n',
    );
  });
});

describe('site preview service', () => {
  it('says how to get hugo when it is not installed, and how to serve other generators', async () => {
    const hugoInfo = await detectSite(await copyOf('real-hugo'));
    const missing = createSitePreview(() => ({ info: hugoInfo, postIds: () => [] }), {
      hugoCommand: path.join(os.tmpdir(), 'no-such-hugo-here'),
    });
    const answer = await missing.handlers.sitePreviewShow({
      postId: 'content/posts/packing-list.md',
      text: 'x',
    });
    expect(answer).toMatchObject({
      status: 'unavailable',
      message: expect.stringContaining('apt install hugo'),
    });
    const jekyllInfo = await detectSite(await copyOf('real-jekyll'));
    const jekyll = createSitePreview(() => ({ info: jekyllInfo, postIds: () => [] }));
    expect(await jekyll.handlers.sitePreviewShow({ postId: '_posts/x.md', text: '' })).toMatchObject({
      status: 'unavailable',
      message: expect.stringContaining('bundle exec jekyll serve'),
    });
  });

  it("serves the editor's text through hugo server without writing into the site", async () => {
    const site = await copyOf(
      'sample-site',
      path.resolve(__dirname, '..', '..', '..', '..', '..', 'electron'),
    );
    const before = (await readdir(site)).sort();
    const info = await detectSite(site);
    const preview = createSitePreview(() => ({ info, postIds: () => [] }));
    try {
      const text = '---\ntitle: "Writing in Markdown"\n---\nUnsaved words for the server.\n';
      const answer = await preview.handlers.sitePreviewShow({
        postId: 'content/posts/writing-in-markdown.md',
        text,
      });
      if (answer.status !== 'ready') {
        console.log(`hugo server did not serve (${answer.status}: ${answer.message}); is hugo installed?`);
      }
      expect(answer.status).toBe('ready');
      if (answer.status !== 'ready') return;
      expect(answer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/posts\/writing-in-markdown\/$/);
      const page = await (await fetch(answer.url)).text();
      expect(page).toContain('Unsaved words for the server.');
      expect(
        await readFile(path.join(site, 'content', 'posts', 'writing-in-markdown.md'), 'utf8'),
      ).not.toContain('Unsaved');
    } finally {
      await preview.stop();
    }
    expect((await readdir(site)).sort()).toEqual(before);
  });

  it("reports the server's errors when the site does not build", async () => {
    const info = await detectSite(await copyOf('real-hugo'));
    const preview = createSitePreview(() => ({ info, postIds: () => [] }));
    try {
      const answer = await preview.handlers.sitePreviewShow({
        postId: 'content/posts/packing-list.md',
        text: 'x',
      });
      expect(answer.status).toBe('failed');
      if (answer.status === 'failed') expect(answer.errors.join('\n')).toMatch(/shortcode/i);
    } finally {
      await preview.stop();
    }
  });
});
