// The open tabs survive a reload of the window (browser reload, or the desktop renderer's): the same
// posts reopen in their order, the shown one is shown again, and its editor comes back at its caret
// and scroll. A post deleted meanwhile simply does not come back.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const tabs = (page: Page) => page.getByRole('tablist', { name: 'Open posts' });

async function openPost(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
}

test('tabs, the shown tab and its caret and scroll come back after a reload', async ({ page, site }) => {
  const long = Array.from({ length: 300 }, (_, index) => `Line ${index + 1} of a long post.`).join('\n\n');
  await writeFile(
    path.join(site, 'content', 'posts', 'long-post.md'),
    `---\ntitle: "Long post"\n---\n${long}\n`,
  );
  await writeFile(path.join(site, 'content', 'posts', 'gone-soon.md'), `---\ntitle: "Gone soon"\n---\nbye\n`);
  await openPost(page, 'Gone soon');
  await openPost(page, /First Post/);
  await openPost(page, 'Long post');
  await expect(page.locator('.post-id')).toHaveText('content/posts/long-post.md');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await expect(page.locator('.status-caret')).toHaveText('600:1');
  const scrolled = await page.locator('.cm-scroller').evaluate((element) => element.scrollTop);
  expect(scrolled).toBeGreaterThan(1000);
  await openPost(page, /First Post/);
  await openPost(page, 'Long post');
  await expect(tabs(page).getByRole('tab')).toHaveText([/Gone soon/, /First Post/, /Long post/]);

  await rm(path.join(site, 'content', 'posts', 'gone-soon.md'));
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(tabs(page).getByRole('tab')).toHaveText([/First Post/, /Long post/]);
  await expect(tabs(page).getByRole('tab', { name: /Long post/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.post-id')).toHaveText('content/posts/long-post.md');
  await expect(page.locator('.status-caret')).toHaveText('600:1');
  await expect
    .poll(() => page.locator('.cm-scroller').evaluate((element) => element.scrollTop))
    .toBeGreaterThan(scrolled - 50);
});
