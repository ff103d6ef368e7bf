import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// Several posts open at once: a tab each with its own unsaved text, a marker while unsaved, Ctrl+S
// saving the shown tab, closing a dirty tab asking first, and disk changes reaching background tabs.

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const firstId = 'content/posts/first-post.md';
const secondId = 'content/posts/second-post.md';

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Open posts' });
const tab = (page: Page, title: RegExp) => tabs(page).getByRole('tab', { name: title });

async function openPost(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type(text);
}

test('two posts stay open in tabs with their own unsaved text; save one, close the other', async ({
  page,
  site,
}) => {
  const firstFile = path.join(site, firstId);
  const secondFile = path.join(site, secondId);
  const firstBefore = await readFile(firstFile, 'utf8');
  const secondBefore = await readFile(secondFile, 'utf8');

  await openPost(page, /First Post/);
  await expect(page.locator('.post-id')).toHaveText(firstId);
  await typeAtEnd(page, 'Typed in the first.');
  await expect(page.locator('.status-caret')).toBeVisible();
  const firstCaret = (await page.locator('.status-caret').textContent()) ?? '';
  await openPost(page, /Second Post/);
  await expect(page.locator('.post-id')).toHaveText(secondId);
  await typeAtEnd(page, 'Typed in the second.');

  await expect(tabs(page).getByRole('tab')).toHaveCount(2);
  await expect(tab(page, /First Post/)).toHaveAccessibleName(/unsaved/);
  await expect(tab(page, /Second Post/)).toHaveAccessibleName(/unsaved/);
  await expect(tab(page, /Second Post/)).toHaveAttribute('aria-selected', 'true');
  // The post list marks every post with unsaved text, not only the shown one.
  const list = page.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option', { name: /First Post/ })).toHaveAccessibleName(/\(unsaved\)/);
  await expect(list.getByRole('option', { name: /Second Post/ })).toHaveAccessibleName(/\(unsaved\)/);

  await tab(page, /First Post/).click();
  await expect(page.locator('.post-id')).toHaveText(firstId);
  await expect(page.locator('.cm-content')).toContainText('Typed in the first.');
  await expect(page.locator('.cm-content')).not.toContainText('Typed in the second.');
  // The tab's caret comes back with it.
  await expect(page.locator('.status-caret')).toHaveText(firstCaret);
  await page.keyboard.press('Control+Tab');
  await expect(page.locator('.post-id')).toHaveText(secondId);
  await expect(page.locator('.cm-content')).toContainText('Typed in the second.');
  await page.keyboard.press('Control+PageUp');
  await expect(page.locator('.post-id')).toHaveText(firstId);

  // Ctrl+S saves the shown tab only.
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(tab(page, /First Post/)).not.toHaveAccessibleName(/unsaved/);
  await expect(tab(page, /Second Post/)).toHaveAccessibleName(/unsaved/);
  expect(await readFile(firstFile, 'utf8')).toBe(`${firstBefore}Typed in the first.`);
  expect(await readFile(secondFile, 'utf8')).toBe(secondBefore);

  // Closing the dirty tab asks; Cancel keeps it, Don't Save closes it without writing.
  const question = page.getByRole('alertdialog', { name: /Save changes to content\/posts\/second-post\.md/ });
  await page
    .getByRole('group', { name: 'Close open posts' })
    .getByRole('button', { name: 'Close Second Post' })
    .click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(tab(page, /Second Post/)).toHaveAccessibleName(/unsaved/);
  await tab(page, /Second Post/).click();
  await expect(page.locator('.cm-content')).toContainText('Typed in the second.');

  await page
    .getByRole('group', { name: 'Close open posts' })
    .getByRole('button', { name: 'Close Second Post' })
    .click();
  await question.getByRole('button', { name: /Don.t Save/ }).click();
  await expect(tabs(page).getByRole('tab')).toHaveCount(1);
  await expect(page.locator('.post-id')).toHaveText(firstId);
  expect(await readFile(secondFile, 'utf8')).toBe(secondBefore);

  // A clean tab closes with Ctrl+W (the browser) or Close Post without asking.
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('close post');
  await page.keyboard.press('Enter');
  await expect(tabs(page)).toHaveCount(0);
  await expect(page.getByText('Choose a post to edit.')).toBeVisible();
});

test('an external change to a clean background tab reloads it', async ({ page, site }) => {
  const firstFile = path.join(site, firstId);
  await openPost(page, /First Post/);
  await expect(page.locator('.cm-content')).toContainText('The first fixture post');
  await openPost(page, /Second Post/);
  await expect(page.locator('.post-id')).toHaveText(secondId);

  const outside = (await readFile(firstFile, 'utf8')).replace('The first fixture post', 'Rewritten outside');
  await writeFile(firstFile, outside);
  await expect(page.locator('.post-id')).toHaveText(secondId);
  await tab(page, /First Post/).click();
  await expect(page.locator('.cm-content')).toContainText('Rewritten outside');
  await expect(tab(page, /First Post/)).not.toHaveAccessibleName(/unsaved/);
  await expect(page.getByRole('alert').filter({ hasText: 'changed on disk' })).toHaveCount(0);
  expect(await readFile(firstFile, 'utf8')).toBe(outside);
});

test('Ctrl+W closes the shown tab in the browser', async ({ page, mode }) => {
  test.skip(mode !== 'web', 'On the desktop the native menu accelerator runs Close Post, not the page');
  await openPost(page, /First Post/);
  await openPost(page, /Second Post/);
  await expect(tabs(page).getByRole('tab')).toHaveCount(2);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+W');
  await expect(tabs(page).getByRole('tab')).toHaveCount(1);
  await expect(page.locator('.post-id')).toHaveText(firstId);
});
