// Item 3 of issue 19: the checks do not look inside code (a page shaped like the Hugo docs'), the
// problems list numbers lines as the editor's gutter does, garbled front matter is flagged, and
// "Fix all" fixes a post as an unsaved, undoable edit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.use({ siteFixture: 'real/hugo-docs-code' });

test('a docs page with template code in code shows only its one real problem, at the gutter line', async ({
  page,
  site,
}) => {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /partials\.Render/ })
    .click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('heading')).toHaveText('1 problem');
  await expect(problems).toContainText('/images/real-missing.png is not in the site');
  await expect(problems).not.toContainText('in-a-fence');

  const text = await readFile(path.join(site, 'content', 'functions', 'render.md'), 'utf8');
  const body = text.slice(text.indexOf('\n---\n') + 5);
  const bodyLine = body.slice(0, body.indexOf('/images/real-missing.png')).split('\n').length;
  const where = problems.getByRole('button', { name: `line ${bodyLine}`, exact: true });
  await expect(where).toBeVisible();
  await where.click();
  // The editor's gutter and the status bar say the same line as the list.
  await expect(page.locator('.cm-lineNumbers .cm-activeLineGutter')).toHaveText(String(bodyLine));
  await expect(page.locator('.status-caret')).toHaveText(new RegExp(`^${bodyLine}:`));
});

test('garbled text in the title is flagged, and Fix all fixes the post as one unsaved, undoable edit', async ({
  page,
  site,
}) => {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /lose the thread/ })
    .click();
  const title = page.getByLabel('title', { exact: true });
  await expect(title).toHaveValue('Donâ€™t lose the thread');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('heading')).toHaveText('4 problems');
  await expect(problems).toContainText('front matter line 1');
  await expect(problems).toContainText('This looks like garbled text: â€™ should be ’');

  await problems.getByRole('button', { name: 'Fix all (4)' }).click();
  await expect(problems.getByRole('heading')).toHaveText('No problems');
  await expect(title).toHaveValue('Don’t lose the thread');
  await expect(page.locator('.cm-content')).toContainText('A body with a real one: it’s here.');
  // Code keeps its example of garbled text.
  await expect(page.locator('.cm-content')).toContainText('Inside code it stays: itâ€™s');
  await expect(page.getByRole('status').first()).toHaveText('Unsaved changes');

  // Undo: the body's fixes are one step of the editor's history; the front matter has its button.
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+Z`);
  await expect(page.locator('.cm-content')).toContainText('A body with a real one: itâ€™s here.');
  await problems.getByRole('button', { name: 'Undo the front matter fix' }).click();
  await expect(title).toHaveValue('Donâ€™t lose the thread');
  await expect(problems.getByRole('heading')).toHaveText('4 problems');

  await problems.getByRole('button', { name: 'Fix all (4)' }).click();
  await expect(problems.getByRole('heading')).toHaveText('No problems');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status').first()).toHaveText('Saved');
  const saved = await readFile(path.join(site, 'content', 'posts', 'garbled.md'), 'utf8');
  expect(saved).toContain('title: "Don’t lose the thread"');
  expect(saved).toContain('description: Writing “smart quotes” the site can read');
  expect(saved).toContain('it’s here.');
  expect(saved).toContain('Inside code it stays: itâ€™s');
});
