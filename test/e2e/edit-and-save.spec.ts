import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

test('open a post, type into the body, see the preview, save exactly what was typed', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'posts', 'first-post.md');
  const before = await readFile(file, 'utf8');

  const list = page.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(page.getByText('3 posts')).toBeVisible();

  await list.getByRole('option', { name: /First Post: a Hugo fixture/ }).click();
  await expect(page.getByLabel('author', { exact: true })).toHaveValue('Jane Doe');
  await expect(page.getByLabel('lastmod', { exact: true })).toHaveValue('2024-05-19');

  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('body')).toContainText('The first fixture post');

  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Typed by the test.');
  await expect(preview.locator('body')).toContainText('Typed by the test.');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(`${before}Typed by the test.`);
});

test('the preview shows site-root images from the static folder', async ({ page }) => {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  const image = page.frameLocator('iframe[title="Preview"]').locator('img.alignright');
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(240);
});
