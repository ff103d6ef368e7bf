import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

test.use({ siteFixture: 'problem-badges' });

test('the list badges every problem of a post, filters on them, and a fixed post loses its badge', async ({
  page,
  site,
}) => {
  const list = page.getByRole('listbox', { name: 'Posts' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(4);
  await expect(page.getByText('4 posts', { exact: true })).toBeVisible();

  const row = (title: string) => list.getByRole('option', { name: new RegExp(title) });
  const badge = (title: string) => row(title).locator('.post-problem');
  await expect(badge('Image Post')).toContainText('2 problems');
  await expect(badge('Image Post')).toHaveAttribute('title', /no alt text/);
  await expect(badge('Mojibake Post')).toContainText('1 problem');
  await expect(badge('Mojibake Post')).toHaveAttribute('title', /looks like UTF-8 read as Windows-1252/);
  await expect(badge('Schema Post')).toContainText('1 problem');
  await expect(badge('Schema Post')).toHaveAttribute('title', 'summary is required.');
  await expect(badge('Clean Post')).toHaveCount(0);
  // The first problem is part of the row's accessible name, not only a tooltip.
  await expect(
    list.getByRole('option', { name: /Schema Post.*1 problem: summary is required\./ }),
  ).toHaveCount(1);

  await page.getByLabel('Has problems').check();
  await expect(options).toHaveCount(3);
  await expect(page.getByText('3 posts', { exact: true })).toBeVisible();
  await expect(row('Clean Post')).toHaveCount(0);

  const file = path.join(site, 'content', 'posts', 'mojibake-post.md');
  await row('Mojibake Post').click();
  await expect(page.getByLabel('title', { exact: true })).toHaveValue('Mojibake Post');
  // Fix it in the editor with the check's one-click fix, then save.
  await page
    .getByRole('region', { name: 'Problems' })
    .getByRole('button', { name: 'Replace with "’"' })
    .click();
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toContain('It doesn’t read right.');

  await expect(row('Mojibake Post')).toHaveCount(0);
  await expect(options).toHaveCount(2);
  await page.getByLabel('Has problems').uncheck();
  await expect(options).toHaveCount(4);
  await expect(badge('Mojibake Post')).toHaveCount(0);
  await expect(badge('Image Post')).toContainText('2 problems');
});
