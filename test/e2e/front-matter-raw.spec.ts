import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

test.use({ siteFixture: 'front-matter-formats' });

test('raw mode: invalid text is shown with its line, saved as typed, and the form comes back once it parses', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'posts', 'commented-yaml.md');
  const before = await readFile(file, 'utf8');
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /A commented YAML post/ })
    .click();
  await page.getByRole('button', { name: 'Edit as text' }).click();

  const raw = page.locator('.fm-raw .cm-content');
  await raw.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('broken: a: b');
  await expect(page.getByRole('alert')).toContainText('Line 12: Nested mappings');
  await expect(page.getByRole('button', { name: 'Edit as form' })).toBeDisabled();

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  const closing = before.lastIndexOf('---\n');
  const withBroken = `${before.slice(0, closing)}broken: a: b\n${before.slice(closing)}`;
  expect(await readFile(file, 'utf8')).toBe(withBroken);

  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('mood: sunny');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit as form' }).click();
  await expect(page.getByLabel('mood', { exact: true })).toHaveValue('sunny');
  await expect(page.getByLabel('title', { exact: true })).toHaveValue('A commented YAML post');

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(
    `${before.slice(0, closing)}mood: sunny\n${before.slice(closing)}`,
  );
});
