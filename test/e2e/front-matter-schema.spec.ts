import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

test.use({ siteFixture: 'front-matter-schema' });

function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

test('the site schema refines the form: labels, required, choices, hidden, autocomplete, lastmod on save', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'posts', 'schema-post.md');
  const before = await readFile(file, 'utf8');
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Schema post/ })
    .click();

  await expect(page.getByLabel('title', { exact: true })).toHaveValue('Schema post');
  await expect(page.getByText('Headline', { exact: true })).toBeVisible();
  await expect(page.getByText('summary is required.')).toBeVisible();
  await expect(page.getByText(/1 problem \(saving is still allowed\)/)).toBeVisible();
  await expect(page.getByLabel('internal', { exact: true })).toHaveCount(0);

  const status = page.getByLabel('status', { exact: true });
  await expect(status).toHaveValue('idea');
  await status.selectOption('writing');

  await page.getByLabel('New field', { exact: true }).fill('categories');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('datalist option[value="Guides"]')).toHaveCount(1);

  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(
    before
      .replace('status: idea', 'status: writing')
      .replace('lastmod: 2024-01-01', `lastmod: ${today()}`)
      .replace('internal: keep-me\n', 'internal: keep-me\ncategories: []\n'),
  );
});
