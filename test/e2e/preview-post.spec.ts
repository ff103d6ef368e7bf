// Item 2 of issue 19: the preview is the post: a header from the front matter (title, date in the
// site's format, authors, cover image, description) that follows edits, GitHub/Hugo alerts as
// callouts, and the dark theme unless the site's stylesheet styles the preview.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const preview = (page: Page) => page.frameLocator('iframe[title="Preview"]');

test('the preview shows the post header from the front matter, and follows edits of the form', async ({
  page,
  site,
}) => {
  await writeFile(
    path.join(site, 'content', 'posts', 'with-cover.md'),
    [
      '---',
      'title: "Harbour notes"',
      'date: 2024-06-01',
      'authors: [Ana Lind, Ben Roe]',
      'description: "What the tide left."',
      'cover:',
      '  image: /images/blog/first-post/photo.png',
      '---',
      'Body text.',
      '',
      '> [!WARNING]',
      '> Mind the *rocks*.',
      '',
      '> [!TIP]',
      '> Go early.',
      '',
      '> A plain quote.',
      '',
    ].join('\n'),
  );
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Harbour notes/ })
    .click();
  const header = preview(page).locator('#postdesk-post-header');
  await expect(header.locator('h1')).toHaveText('Harbour notes');
  await expect(header.locator('time')).toHaveText('June 1, 2024');
  await expect(header.locator('time')).toHaveAttribute('datetime', '2024-06-01');
  await expect(header).toContainText('By Ana Lind and Ben Roe');
  await expect(header).toContainText('What the tide left.');
  // The cover is a file of the site, loaded through the asset route.
  await expect
    .poll(() =>
      header
        .locator('img.pd-post-hero')
        .evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBeGreaterThan(0);

  // Alerts are callouts with their title; a plain quote stays a quote.
  const warning = preview(page).locator('.markdown-alert-warning');
  await expect(warning.locator('.markdown-alert-title')).toHaveText('Warning');
  await expect(warning.locator('em')).toHaveText('rocks');
  await expect(warning).not.toContainText('[!WARNING]');
  await expect(preview(page).locator('.markdown-alert-tip')).toContainText('Go early.');
  await expect(preview(page).locator('blockquote')).toHaveText('A plain quote.');

  // Editing the title in the form shows in the header.
  const title = page.getByLabel('title', { exact: true });
  await title.fill('Harbour notes, revised');
  await expect(header.locator('h1')).toHaveText('Harbour notes, revised');
});

test("the date follows the site's format, and the preview follows the dark theme", async ({ page, site }) => {
  await writeFile(
    path.join(site, 'hugo.toml'),
    'baseURL = "https://example.org/"\ntitle = "Fixture Site"\n[params]\ndateFormat = "2 Jan 2006"\n',
  );
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: 'Second Post' }).click();
  const header = preview(page).locator('#postdesk-post-header');
  await expect(header.locator('time')).toHaveText('1 Jun 2024');
  await expect(header).toContainText('By John Roe');

  const html = preview(page).locator('html');
  const background = () =>
    html.evaluate(
      (element) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(element).backgroundColor,
    );
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('theme light');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(background).toBe('rgba(0, 0, 0, 0)');
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('theme dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe('rgb(30, 31, 34)');
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
