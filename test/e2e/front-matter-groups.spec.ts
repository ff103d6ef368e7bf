import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

const post = [
  '---',
  'title: "Groups"',
  '# links shown in the sidebar',
  'links:',
  '  - name: "Docs"',
  '    url: "https://a.example"',
  '  - name: Blog',
  '    url: https://b.example',
  'seo:',
  '  description: "Old description"',
  '  noindex: false',
  '---',
  'Body.',
  '',
].join('\n');

test('nested maps and lists of maps are edited in place through their groups', async ({ page, site }) => {
  const file = path.join(site, 'content', 'posts', 'groups.md');
  await writeFile(file, post);
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Groups/ })
    .click();

  const first = page.getByRole('group', { name: /^links 1/ });
  await expect(first.getByLabel('url', { exact: true })).toHaveValue('https://a.example');
  await first.getByLabel('url', { exact: true }).fill('https://c.example');
  await page.getByRole('button', { name: 'Remove links 2' }).click();
  await expect(page.getByRole('group', { name: /^links 2/ })).toHaveCount(0);
  const seo = page.getByRole('group', { name: /^seo/ });
  await seo.getByLabel('description', { exact: true }).fill('New description');

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(
    post
      .replace('"https://a.example"', '"https://c.example"')
      .replace('  - name: Blog\n    url: https://b.example\n', '')
      .replace('"Old description"', '"New description"'),
  );
});
