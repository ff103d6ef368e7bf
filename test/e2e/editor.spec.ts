import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Writes a post into the open site, waits for the list to show it, and opens it. */
async function openNewPost(
  page: Page,
  site: string,
  name: string,
  title: string,
  body: string,
): Promise<string> {
  const file = path.join(site, 'content', 'posts', name);
  await writeFile(file, `---\ntitle: "${title}"\ndate: 2024-05-01\n---\n${body}`);
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.post-id')).toHaveText(`content/posts/${name}`);
  return file;
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
}

const bodyOf = (text: string): string => text.slice(text.indexOf('---\n', 4) + 4);

test('the mode follows the post, can be switched, and the toolbar writes Markdown or HTML', async ({
  page,
  site,
}) => {
  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: /First Post/ }).click();
  const mode = page.getByLabel('Body mode');
  await expect(mode).toHaveValue('html');
  await expect(page.locator('.status-kind')).toHaveText('HTML');
  await list.getByRole('option', { name: 'Second Post' }).click();
  await expect(mode).toHaveValue('markdown');

  const file = await openNewPost(page, site, 'formatting.md', 'Formatting', 'word\n');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.press('Shift+End');
  await page.keyboard.press(`${mod}+B`);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Heading' }).click();
  await page.keyboard.type('Title');
  await page.keyboard.press('Enter');
  await page.keyboard.type('see');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press(`${mod}+K`);
  await page.keyboard.type('https://example.org/');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Quote' }).click();
  await page.keyboard.type('quoted');
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('strong')).toHaveText('word');
  await expect(preview.locator('h2')).toHaveText('Title');
  await expect(preview.locator('blockquote')).toHaveText('quoted');
  await save(page);
  expect(bodyOf(await readFile(file, 'utf8'))).toBe(
    '**word**\n## Title\n[see](https://example.org/)\n> quoted\n',
  );

  await mode.selectOption('html');
  await expect(page.locator('.status-kind')).toHaveText('HTML');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('plain');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press(`${mod}+I`);
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Image' }).click();
  await page.keyboard.type('/images/x.png');
  await save(page);
  expect(bodyOf(await readFile(file, 'utf8'))).toContain(
    '<em>plain</em><img src="/images/x.png" alt="description">',
  );
});

test('search and replace, undo and redo, multiple cursors, auto-closed tags, bracket matching', async ({
  page,
  site,
}) => {
  const file = await openNewPost(page, site, 'editing.md', 'Editing', '<p>cat and cat (and dog)</p>\n');
  const content = page.locator('.cm-content');
  await content.click();

  await page.keyboard.press(`${mod}+F`);
  const panel = page.locator('.cm-search');
  await expect(panel).toBeVisible();
  await panel.getByPlaceholder('Find').fill('dog');
  await panel.getByPlaceholder('Replace').fill('bird');
  await panel.getByRole('button', { name: 'replace all' }).click();
  await expect(content).toContainText('(and bird)');
  await page.keyboard.press('Escape');

  await content.click();
  await page.keyboard.press(`${mod}+z`);
  await expect(content).toContainText('(and dog)');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(content).toContainText('(and bird)');

  // Ctrl+D selects the word, then its next occurrence: two cursors type at once.
  await page.keyboard.press(`${mod}+Home`);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press(`${mod}+D`);
  await page.keyboard.press(`${mod}+D`);
  await expect(page.locator('.status-caret')).toContainText('2 cursors');
  await page.keyboard.type('owl');
  await expect(content).toContainText('owl and owl');

  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('<em>');
  await expect(content).toContainText('<em></em>');
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('(x');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.cm-matchingBracket').first()).toBeVisible();

  await save(page);
  const saved = bodyOf(await readFile(file, 'utf8'));
  expect(saved.startsWith('<p>owl and owl (and bird)</p>\n<em></em>')).toBe(true);
});

test('the status bar shows words, reading time, line:column and the save state', async ({ page, site }) => {
  await openNewPost(page, site, 'stats.md', 'Stats', `${'word '.repeat(460).trim()}\nsecond line\n`);
  await expect(page.locator('.status-words')).toHaveText('462 words');
  await expect(page.locator('.status-reading')).toHaveText('2 min read');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await expect(page.locator('.status-caret')).toHaveText('2:12');
  await expect(page.getByRole('status')).toHaveText('No changes');
  await page.keyboard.type(' more');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await expect(page.locator('.status-words')).toHaveText('463 words');
  await save(page);
});

test('content checks show as diagnostics and problems, and mojibake is fixed in one click', async ({
  page,
  site,
}) => {
  const file = await openNewPost(
    page,
    site,
    'problems.md',
    'Problems',
    [
      'Itâ€™s a cafÃ© post.',
      '',
      '<img src="/images/blog/first-post/photo.png">',
      '<img src="/images/nowhere.png" alt="gone">',
      '<a href="https://example.org/" target="_blank">out</a>',
      '<p style="color: red; color: blue">x</p>',
      '',
    ].join('\n'),
  );
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('heading')).toHaveText('6 problems');
  await expect(problems).toContainText('looks like UTF-8 read as Windows-1252');
  await expect(problems).toContainText('no alt text');
  await expect(problems).toContainText('/images/nowhere.png is not in the site');
  await expect(problems).toContainText('rel="noopener"');
  await expect(problems).toContainText('color more than once');
  await expect(page.locator('.cm-lintRange-error, .cm-lintRange-warning').first()).toBeVisible();

  await problems.getByRole('button', { name: 'Replace with "’"' }).click();
  await expect(problems.getByRole('heading')).toHaveText('5 problems');
  await problems.getByRole('button', { name: 'Replace with "é"' }).click();
  await expect(problems.getByRole('heading')).toHaveText('4 problems');
  await problems.getByRole('button', { name: 'Add rel="noopener"' }).click();
  await expect(problems.getByRole('heading')).toHaveText('3 problems');
  await save(page);
  const saved = bodyOf(await readFile(file, 'utf8'));
  expect(saved).toContain('It’s a café post.');
  expect(saved).toContain('target="_blank" rel="noopener"');
});

test('front matter problems: an empty title and an unreadable date', async ({ page, site }) => {
  await writeFile(
    path.join(site, 'content', 'posts', 'bad-front.md'),
    '---\ntitle: ""\ndate: "next friday"\n---\nBody.\n',
  );
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /bad-front/ })
    .click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('The post has no title.');
  await expect(problems).toContainText('date "next friday" is not a date');
});
