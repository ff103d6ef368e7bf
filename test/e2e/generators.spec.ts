import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

async function openPost(page: Page, title: string): Promise<FrameLocator> {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: new RegExp(title) })
    .click();
  await expect(page.locator('.cm-content')).toBeVisible();
  return page.frameLocator('iframe[title="Preview"]');
}

/** Waits until the preview image with `alt` has loaded (its natural width is the file's). */
async function expectLoaded(preview: FrameLocator, alt: string): Promise<void> {
  const image = preview.locator(`img[alt="${alt}"]`);
  await expect
    .poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(4);
}

/** Every row of the post list (a virtual list: it is scrolled from top to bottom to see them all). */
async function postTitles(page: Page): Promise<string[]> {
  const list = page.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option').first()).toBeVisible();
  const seen = new Map<string, string>();
  for (let step = 0; step < 100; step++) {
    const rows = await list.getByRole('option').evaluateAll((elements) =>
      elements.map((element) => ({
        key: element.id || element.textContent || '',
        text: element.textContent ?? '',
      })),
    );
    for (const { key, text } of rows) seen.set(key, text);
    // The listbox is the scroller; the rows it renders follow on the next frames.
    const atEnd = await list.evaluate(async (element) => {
      const done = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      element.scrollTop += element.clientHeight;
      for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
      return done;
    });
    if (atEnd) break;
  }
  await list.evaluate((element) => (element.scrollTop = 0));
  return [...seen.values()];
}

test.describe('an Astro blog', () => {
  test.use({ siteFixture: 'real/astro-blog' });

  test('is named, lists .mdx, previews MDX with component placeholders and both image kinds', async ({
    page,
    site,
  }) => {
    await expect(page.locator('.site-generator')).toHaveText('Astro site');
    const titles = await postTitles(page);
    expect(titles.some((text) => text.includes('Charts in MDX'))).toBe(true);
    expect(titles.some((text) => /README/i.test(text))).toBe(false);

    const preview = await openPost(page, 'Charts in MDX');
    const component = preview.locator('div.pd-mdx-component');
    await expect(component.locator('.pd-mdx-label')).toHaveText('TideChart port="Falmouth" days={3}');
    await expect(component.locator('em')).toHaveText('next three days');
    await expect(preview.locator('span.pd-mdx-label')).toHaveText('Badge text="new"');
    await expect(preview.locator('body')).not.toContainText('import TideChart');
    await expect(preview.locator('body')).not.toContainText('export const port');
    // A site-root path comes from public/.
    await expectLoaded(preview, 'Buoy');

    // A path relative to the post (../../assets) loads too.
    const other = await openPost(page, 'First crossing');
    await expectLoaded(other, 'The harbour wall');

    // The .mdx body edits as Markdown and saves with the imports and JSX byte for byte.
    await openPost(page, 'Charts in MDX');
    const file = path.join(site, 'src/content/blog/using-mdx.mdx');
    const before = await readFile(file, 'utf8');
    await page.locator('.cm-content').click();
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+End' : 'Control+End');
    await page.keyboard.type('\nA new line.\n');
    await page.keyboard.press(saveKey);
    await expect.poll(() => readFile(file, 'utf8')).toBe(`${before}\nA new line.\n`);
  });
});

test.describe('an Eleventy blog', () => {
  test.use({ siteFixture: 'real/eleventy-base-blog' });

  test('is named, lists no README or templates, and loads passthrough and post-relative images', async ({
    page,
  }) => {
    await expect(page.locator('.site-generator')).toHaveText('Eleventy site');
    const titles = await postTitles(page);
    expect(titles).toHaveLength(6);
    expect(titles.some((text) => /README|LICENSE|postslist/i.test(text))).toBe(false);
    await expectLoaded(await openPost(page, 'Sowing broad beans'), 'Bean seedlings');
    await expectLoaded(await openPost(page, 'Kale that survived'), 'Kale leaves under snow');
  });

  test('a ---js post opens with its block read-only and a reason; a body edit keeps the block bytes', async ({
    page,
    site,
  }) => {
    const titles = await postTitles(page);
    expect(titles.some((text) => text.includes('Seeds to order for spring'))).toBe(true);
    await openPost(page, 'about');
    const panel = page.getByRole('region', { name: 'Front matter' });
    await expect(panel.getByRole('note')).toContainText('JavaScript front matter (---js) is code');
    await expect(panel.locator('pre code')).toContainText('const eleventyNavigation = {');
    await expect(panel.locator('input, textarea, select')).toHaveCount(0);
    const file = path.join(site, 'content/about.md');
    const before = await readFile(file, 'utf8');
    await expect(page.locator('.cm-content')).not.toContainText('eleventyNavigation');
    await page.locator('.cm-content').click();
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+End' : 'Control+End');
    await page.keyboard.type('More.\n');
    await page.keyboard.press(saveKey);
    await expect.poll(() => readFile(file, 'utf8')).toBe(`${before}More.\n`);
  });
});

test.describe('a Jekyll site with collections', () => {
  test.use({ siteFixture: 'real/jekyll-docs' });

  test('is named, lists collection documents and pages, and loads an assets/ image', async ({ page }) => {
    await expect(page.locator('.site-generator')).toHaveText('Jekyll site');
    const titles = await postTitles(page);
    expect(titles).toHaveLength(12);
    expect(titles.some((text) => text.includes('The Lantern Team'))).toBe(true);
    await expectLoaded(await openPost(page, 'Lantern 1.0 Released'), 'Release banner');
    // Liquid in a value: the block is read-only with its reason; a plain post keeps its form.
    await openPost(page, 'front matter');
    const panel = page.getByRole('region', { name: 'Front matter' });
    await expect(panel.getByRole('note')).toContainText('Liquid tags in front matter values');
    await expect(panel.locator('pre code')).toContainText('title: "{{ site.name }} front matter"');
    await openPost(page, 'Roadmap for 2.0');
    await expect(panel.getByRole('note')).toHaveCount(0);
  });
});

test.describe('a Hugo site with config/_default and mounts', () => {
  test.use({ siteFixture: 'real/hugo-docs' });

  test('is named, lists pages under sections named resources and public, and loads bundle and static images', async ({
    page,
  }) => {
    await expect(page.locator('.site-generator')).toHaveText('Hugo site');
    const titles = await postTitles(page);
    expect(titles.some((text) => text.includes('resources.Get'))).toBe(true);
    expect(titles.some((text) => text.includes('public functions'))).toBe(true);
    const preview = await openPost(page, 'time.Now');
    await expectLoaded(preview, 'Clock');
    await expectLoaded(preview, 'Logo');
  });
});
