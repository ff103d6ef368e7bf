import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const postFile = (site: string, name: string) => path.join(site, 'content', 'posts', name);

test('search all posts: ranked results with the line, Enter opens the post with the match selected', async ({
  page,
}) => {
  await expect(page.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Control+Shift+F');
  const box = page.getByRole('searchbox', { name: 'Search all posts' });
  await expect(box).toBeFocused();
  await box.fill('fixture');
  const results = page.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('listitem', { name: 'First Post: a Hugo fixture' });
  await expect(first).toBeVisible();
  await expect(first.locator('mark')).toHaveText(['fixture', 'fixture']);
  await expect(first.locator('.search-line-number')).toHaveText(['2', '7']);
  await expect(page.getByText('1 post match')).toBeVisible();

  await page.getByLabel('Whole word').check();
  await box.fill('Post');
  await expect(results.locator('li.search-result')).toHaveCount(3);
  await page.getByLabel('Search drafts').selectOption('draft');
  await expect(results.locator('li.search-result')).toHaveCount(1);
  await expect(results.locator('li.search-result').first()).toHaveAccessibleName('Third Post in TOML');
  await page.getByLabel('Search drafts').selectOption('any');
  await page.getByLabel('Whole word').uncheck();

  await page.getByLabel('Regular expression').check();
  await box.fill('(unclosed');
  await expect(page.getByText(/regular expression is not valid/)).toBeVisible();
  await box.fill('raw \\w+ body');
  await expect(results.getByRole('button')).toHaveCount(1);
  await box.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('h2.post-id')).toHaveText('content/posts/first-post.md');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('raw HTML body');
});

test('replace across posts: side-by-side preview, exact bytes, open tab edited, undo', async ({
  page,
  site,
}) => {
  const first = postFile(site, 'first-post.md');
  const second = postFile(site, 'second-post.md');
  const third = postFile(site, 'third-post.md');
  const originals = await Promise.all([first, second, third].map((file) => readFile(file, 'utf8')));

  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Third Post/ })
    .click();
  await expect(page.locator('.cm-content')).toContainText('Third body.');

  await page.keyboard.press('Control+Shift+F');
  await page.getByRole('searchbox', { name: 'Search all posts' }).fill('Post');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('li.search-result')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search all posts' }).fill('body');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('li.search-result')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Replace' }).fill('text');
  await page.getByRole('button', { name: 'Replace all' }).click();

  const dialog = page.getByRole('dialog', { name: 'Replace preview' });
  await expect(dialog.getByRole('region')).toHaveCount(2);
  const firstFile = dialog.getByRole('region', { name: 'content/posts/first-post.md' });
  await expect(firstFile.locator('.compare-left')).toHaveText([
    '<p>The first fixture post, with a raw HTML body.</p>',
  ]);
  await expect(firstFile.locator('.compare-right')).toHaveText([
    '<p>The first fixture post, with a raw HTML text.</p>',
  ]);
  await dialog.getByRole('button', { name: 'Apply replace' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/Replaced in 1 file\(s\), changed 1 open tab\(s\), not saved yet/),
  ).toBeVisible();

  expect(await readFile(first, 'utf8')).toBe(originals[0]?.replace('raw HTML body.', 'raw HTML text.'));
  expect(await readFile(second, 'utf8')).toBe(originals[1]);
  expect(await readFile(third, 'utf8')).toBe(originals[2]);
  await expect(page.locator('.cm-content')).toContainText('Third text.');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

  await page.getByRole('button', { name: 'Undo replace' }).click();
  await expect(page.getByText('Restored 1 file(s).')).toBeVisible();
  expect(await readFile(first, 'utf8')).toBe(originals[0]);
});

test('taxonomies: counts, merge two tags with a preview, exact bytes, undo', async ({ page, site }) => {
  const second = postFile(site, 'second-post.md');
  const before = await readFile(second, 'utf8');
  await expect(page.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('taxonomies');
  await page.keyboard.press('Enter');
  const view = page.getByRole('dialog', { name: 'Taxonomies' });
  const tags = view.getByRole('region', { name: 'tags' });
  await expect(tags.getByRole('listitem')).toHaveText(['alpha 1', 'beta 1']);
  await expect(view.getByRole('region', { name: 'authors' }).getByRole('listitem')).toHaveText([
    'Jane Doe 1',
    'John Roe 1',
  ]);
  await tags.getByLabel('alpha').check();
  await tags.getByLabel('beta').check();
  await tags.getByLabel('New tags name').fill('gamma');
  await tags.getByRole('button', { name: 'Merge' }).click();
  const preview = view.getByRole('region', { name: 'Change preview' });
  await expect(preview.locator('.compare-left')).toHaveText(['tags: [alpha, beta]']);
  await expect(preview.locator('.compare-right')).toHaveText(['tags: [gamma]']);
  await preview.getByRole('button', { name: 'Apply change' }).click();
  await expect(view.getByText('Changed 1 post(s).')).toBeVisible();
  await expect(tags.getByRole('listitem')).toHaveText(['gamma 1']);
  expect(await readFile(second, 'utf8')).toBe(before.replace('tags: [alpha, beta]', 'tags: [gamma]'));
  await view.getByRole('button', { name: 'Undo change' }).click();
  await expect(view.getByText('Restored 1 post(s).')).toBeVisible();
  expect(await readFile(second, 'utf8')).toBe(before);
});

test('bulk edit: Ctrl-click two posts, set draft, preview, exact bytes, undo', async ({ page, site }) => {
  const first = postFile(site, 'first-post.md');
  const second = postFile(site, 'second-post.md');
  const originals = await Promise.all([first, second].map((file) => readFile(file, 'utf8')));
  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: /First Post/ }).click({ modifiers: ['Control'] });
  await list.getByRole('option', { name: /Second Post/ }).click({ modifiers: ['Control'] });
  const bar = page.getByRole('region', { name: 'Bulk edit' });
  await expect(bar.getByText('2 posts selected')).toBeVisible();
  await expect(page.locator('h2.post-id')).toHaveCount(0);
  await bar.getByRole('button', { name: 'Preview bulk edit' }).click();
  const preview = page.getByRole('dialog', { name: 'Bulk edit preview' });
  await expect(preview.locator('.compare-right')).toHaveText(['draft: true', 'draft: true']);
  await preview.getByRole('button', { name: 'Apply bulk edit' }).click();
  await expect(bar.getByText('Changed 2 post(s).')).toBeVisible();
  expect(await readFile(first, 'utf8')).toBe(
    originals[0]?.replace('class_name: "blog post"\n', 'class_name: "blog post"\ndraft: true\n'),
  );
  expect(await readFile(second, 'utf8')).toBe(
    originals[1]?.replace('tags: [alpha, beta]\n', 'tags: [alpha, beta]\ndraft: true\n'),
  );
  await bar.getByRole('button', { name: 'Undo bulk edit' }).click();
  await expect(bar.getByText('Restored 2 post(s).')).toBeVisible();
  expect(await readFile(first, 'utf8')).toBe(originals[0]);
  expect(await readFile(second, 'utf8')).toBe(originals[1]);
});
