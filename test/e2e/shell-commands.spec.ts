import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('quick open (Ctrl+P) finds a post by its title and opens it', async ({ page }) => {
  await page.keyboard.press(`${mod}+P`);
  const dialog = page.getByRole('dialog', { name: 'Quick Open' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('second');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'content/posts/second-post.md' })).toBeVisible();
});

test('the command palette (Ctrl+Shift+P) runs commands: toggle preview, theme', async ({ page }) => {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  await expect(page.locator('iframe[title="Preview"]')).toBeVisible();

  await page.keyboard.press(`${mod}+Shift+P`);
  const palette = page.getByRole('dialog', { name: 'Command Palette' });
  await page.keyboard.type('toggle preview');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('iframe[title="Preview"]')).toBeHidden();

  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('theme dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the theme follows the OS by default and a chosen theme survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('theme dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(30, 30, 35)');

  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme-preference', 'dark');
});

test("closing a post with unsaved changes asks Save / Don't Save / Cancel", async ({ page, site }) => {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Second Post/ })
    .click();
  await page.locator('.cm-content').click();
  await page.keyboard.type('Unsaved words.');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');

  const closePost = async (): Promise<void> => {
    await page.keyboard.press(`${mod}+Shift+P`);
    await page.keyboard.type('close post');
    await page.keyboard.press('Enter');
  };
  await closePost();
  const question = page.getByRole('alertdialog', { name: /Save changes to content\/posts\/second-post\.md/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(page.locator('.cm-content')).toContainText('Unsaved words.');

  await closePost();
  await question.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Choose a post to edit.')).toBeVisible();
  expect(await readFile(path.join(site, 'content', 'posts', 'second-post.md'), 'utf8')).toContain(
    'Unsaved words.',
  );
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Second Post/ })
    .click();
  await expect(page.locator('.cm-content')).toContainText('Unsaved words.');
});

test('the New Post command (palette) opens the new post dialog and creates the file', async ({
  page,
  site,
}) => {
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('new post');
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'New post' });
  await expect(create).toBeVisible();
  await create.getByLabel('Title').fill('From the palette');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(
    page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: /From the palette/ }),
  ).toBeVisible();
  expect(await readFile(path.join(site, 'content', 'posts', 'from-the-palette.md'), 'utf8')).toContain(
    'title: "From the palette"',
  );
});
