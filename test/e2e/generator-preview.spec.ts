import { cp, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

/** Opens the post titled `title` from the list and answers the instant preview's frame. */
async function openPost(page: Page, title: string): Promise<FrameLocator> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('body')).not.toBeEmpty();
  return preview;
}

/** The preview's text never shows template delimiters. */
async function expectNoRawBraces(preview: FrameLocator, allowed: string[] = []): Promise<void> {
  let text = await preview.locator('body').innerText();
  for (const literal of allowed) text = text.split(literal).join('');
  expect(text).not.toMatch(/\{\{|\}\}|\{%|%\}/);
}

/** Natural width of an image in the preview (0 until it loaded). */
function naturalWidth(preview: FrameLocator, selector: string): Promise<number> {
  return preview
    .locator(selector)
    .first()
    .evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth);
}

test.describe('Hugo shortcodes', () => {
  test.use({ siteFixture: 'real-hugo' });

  test('figure, youtube, param, ref and a custom shortcode preview without raw braces', async ({ page }) => {
    const preview = await openPost(page, 'Field notes from the ridge');
    // figure: a page-bundle resource, loaded through the asset route.
    await expect.poll(() => naturalWidth(preview, 'figure.pd-figure img')).toBe(240);
    await expect(preview.locator('figure.pd-figure figcaption strong')).toHaveText('clockwise');
    // youtube: a labelled box with the id and a link, no remote frame.
    const video = preview.locator('.pd-embed-youtube');
    await expect(video).toContainText('YouTube video: Ridge walk timelapse');
    await expect(video.locator('a')).toHaveAttribute('href', 'https://www.youtube.com/watch?v=w7Ft2ymGmfc');
    await expect(preview.locator('iframe')).toHaveCount(0);
    // param: from the site config and from the front matter.
    await expect(preview.locator('p').first()).toContainText(
      'Notes kept by Rosa Lindqvist with a Pentax K-1',
    );
    // ref: a link to the other post's URL.
    await expect(preview.getByRole('link', { name: 'packing list' })).toHaveAttribute(
      'href',
      'https://notes.example.net/posts/packing-list/',
    );
    // A custom shortcode: a labelled block with its parameters and its inner Markdown rendered.
    const callout = preview.locator('.pd-sc-block').filter({ hasText: 'two' }).first();
    await expect(callout.locator('.pd-sc-name')).toHaveText('callout');
    await expect(callout.locator('.pd-sc-arg')).toHaveText('kind=tip');
    await expect(callout.locator('strong')).toHaveText('two');
    // highlight and fenced code: highlighted spans.
    await expect(preview.locator('code.language-go .hljs-keyword').first()).toHaveText('func');
    await expect(preview.locator('code.language-python .hljs-keyword').first()).toHaveText('def');
    // The comment form shows the shortcode as written, inside its code block.
    await expect(preview.locator('code.language-text')).toHaveText('{{< figure src="trail-map.png" >}}');
    // Math (the site enables passthrough): KaTeX, inline and display, styled by its own fonts.
    await expect(preview.locator('.katex')).toHaveCount(2);
    await expect(preview.locator('.pd-math .katex-display')).toHaveCount(1);
    await expect(preview.locator('body')).not.toContainText('$$');
    await expectNoRawBraces(preview, ['{{< figure src="trail-map.png" >}}']);
  });
});

test.describe('Jekyll Liquid', () => {
  test.use({ siteFixture: 'real-jekyll' });

  test('include, highlight, post_url and site.baseurl preview without raw braces', async ({ page }) => {
    const preview = await openPost(page, 'Spring launch');
    await expect(preview.getByRole('link', { name: 'the winter moorings' })).toHaveAttribute(
      'href',
      '/log/2024/02/20/winter-moorings.html',
    );
    await expect.poll(() => naturalWidth(preview, 'img[alt="The harbour at dawn"]')).toBe(240);
    await expect(preview.locator('.pd-sc-block .pd-sc-name').first()).toHaveText('include tide-table.html');
    await expect(preview.locator('code.language-ruby .hljs-keyword').first()).toHaveText('def');
    await expect(preview.getByRole('link', { name: 'https://harbour.example.org/log' })).toHaveAttribute(
      'href',
      '/log/archive/',
    );
    await expect(preview.locator('.pd-sc-output')).toHaveText('{{ page.title | upcase }}');
    await expect(preview.locator('body')).toContainText('Liquid shown as written: {{ page.title }}');
    await expectNoRawBraces(preview, ['{{ page.title | upcase }}', '{{ page.title }}']);
  });
});

test.describe('Eleventy Nunjucks', () => {
  test.use({ siteFixture: 'real-eleventy' });

  test('a Nunjucks shortcode, a paired shortcode and an include preview without raw braces', async ({
    page,
  }) => {
    const preview = await openPost(page, 'First firing');
    await expect.poll(() => naturalWidth(preview, 'figure.pd-sc-image img')).toBe(240);
    const aside = preview.locator('.pd-sc-block').filter({ hasText: 'Never open' });
    await expect(aside.locator('.pd-sc-name').first()).toHaveText('aside');
    await expect(aside.locator('strong')).toHaveText('200 °C');
    await expect(preview.locator('code.language-js .hljs-keyword').first()).toHaveText('const');
    await expect(preview.locator('body')).toContainText('Posted to /posts/ on');
    await expectNoRawBraces(preview, ['{{ page.date | readableDate }}']);
  });
});

test.describe('Site preview', () => {
  test("shows the sample site's post through hugo server, unsaved text included, the site untouched", async ({
    page,
    site,
  }) => {
    // The sample site (its posts, config and minimal layouts) copied over this test's Hugo site.
    await cp(path.join(__dirname, '..', '..', 'electron', 'sample-site'), site, {
      recursive: true,
      force: true,
    });
    const file = path.join(site, 'content', 'posts', 'writing-in-markdown.md');
    const before = await readFile(file, 'utf8');
    await page
      .getByRole('listbox', { name: 'Posts' })
      .getByRole('option', { name: 'Writing in Markdown' })
      .click();
    await page.getByRole('tab', { name: 'Site preview' }).click();
    const frame = page.frameLocator('iframe[title="Site preview"]');
    await expect(frame.locator('header a')).toHaveText('Postdesk Sample Blog', { timeout: 30_000 });
    await expect(frame.locator('article h1').first()).toHaveText('Writing in Markdown');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nTyped but not saved, seen by hugo.');
    await expect(frame.locator('article')).toContainText('Typed but not saved, seen by hugo.', {
      timeout: 15_000,
    });
    expect(await readFile(file, 'utf8')).toBe(before);
    // Hugo wrote nothing into the site: no public/, resources/ or build lock.
    for (const name of ['public', 'resources', '.hugo_build.lock']) {
      await expect(stat(path.join(site, name))).rejects.toThrow();
    }
  });
});
