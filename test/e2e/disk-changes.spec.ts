import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// The open document against the disk: changes made outside Postdesk to a clean post reload it; to a
// dirty post they raise a conflict (Reload, Overwrite, Compare); a deleted post keeps its buffer and
// can be saved elsewhere; opening another post keeps the unsaved one in its tab, and closing it asks.

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';
const firstId = 'content/posts/first-post.md';

async function openPost(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
}

/** Opens the first post and types a line at the end of its body; answers the file's original text. */
async function openAndType(page: Page, site: string, typed: string): Promise<string> {
  const file = path.join(site, firstId);
  const before = await readFile(file, 'utf8');
  await openPost(page, /First Post/);
  await expect(page.locator('.post-id')).toHaveText(firstId);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  return before;
}

const conflictAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'changed on disk' });

test('an external change to a clean open post reloads it silently', async ({ page, site }) => {
  const file = path.join(site, firstId);
  await openPost(page, /First Post/);
  await expect(page.locator('.cm-content')).toContainText('The first fixture post');
  const outside = (await readFile(file, 'utf8')).replace('The first fixture post', 'Rewritten outside');
  await writeFile(file, outside);
  await expect(page.locator('.cm-content')).toContainText('Rewritten outside');
  await expect(page.frameLocator('iframe[title="Preview"]').locator('body')).toContainText(
    'Rewritten outside',
  );
  await expect(page.getByRole('status')).not.toHaveText('Unsaved changes');
  await expect(conflictAlert(page)).toHaveCount(0);
  expect(await readFile(file, 'utf8')).toBe(outside);
});

test('a change on disk under unsaved edits shows the conflict; Reload takes the disk', async ({
  page,
  site,
}) => {
  const file = path.join(site, firstId);
  const before = await openAndType(page, site, 'Mine to discard.');
  const outside = `${before}Theirs from outside.\n`;
  await writeFile(file, outside);
  await expect(conflictAlert(page)).toBeVisible();
  // The user's text is still there while they decide.
  await expect(page.locator('.cm-content')).toContainText('Mine to discard.');

  await conflictAlert(page)
    .getByRole('button', { name: /Reload/ })
    .click();
  await expect(conflictAlert(page)).toHaveCount(0);
  await expect(page.locator('.cm-content')).toContainText('Theirs from outside.');
  await expect(page.locator('.cm-content')).not.toContainText('Mine to discard.');
  await expect(page.getByRole('status')).not.toHaveText('Unsaved changes');
  expect(await readFile(file, 'utf8')).toBe(outside);
});

test('Overwrite saves the user text over the change on disk', async ({ page, site }) => {
  const file = path.join(site, firstId);
  const before = await openAndType(page, site, 'Mine to keep.');
  await writeFile(file, `${before}Theirs to lose.\n`);
  await conflictAlert(page)
    .getByRole('button', { name: /Overwrite/ })
    .click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(conflictAlert(page)).toHaveCount(0);
  expect(await readFile(file, 'utf8')).toBe(`${before}Mine to keep.`);
});

test('Compare shows the disk and the user text side by side, and can resolve from there', async ({
  page,
  site,
}) => {
  const file = path.join(site, firstId);
  const before = await openAndType(page, site, 'Line of mine.');
  await writeFile(file, `${before}Line of theirs.\n`);
  await conflictAlert(page).getByRole('button', { name: 'Compare' }).click();

  const dialog = page.getByRole('dialog', { name: /Compare/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.compare-left')).toContainText(['Line of theirs.']);
  await expect(dialog.locator('.compare-right')).toContainText(['Line of mine.']);
  await expect(dialog.getByText(/lines? differs?/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(conflictAlert(page)).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe(`${before}Line of theirs.\n`);

  await conflictAlert(page).getByRole('button', { name: 'Compare' }).click();
  await dialog.getByRole('button', { name: /Overwrite/ }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(`${before}Line of mine.`);
});

test('a save refused because the file changed shows the same conflict', async ({ page, site }) => {
  const file = path.join(site, firstId);
  const before = await openAndType(page, site, 'Saved too late.');
  // Whether the watcher or the refused save notices first, the user sees one conflict.
  await writeFile(file, `${before}Sooner.\n`);
  await page.keyboard.press(saveKey);
  await expect(conflictAlert(page)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  expect(await readFile(file, 'utf8')).toBe(`${before}Sooner.\n`);
});

test('a post deleted outside keeps its text and Save As writes it to a new path', async ({ page, site }) => {
  const file = path.join(site, firstId);
  const before = await openAndType(page, site, 'Rescued words.');
  await rm(file);
  const removed = page.getByRole('alert').filter({ hasText: 'removed on disk' });
  await expect(removed).toBeVisible();
  await expect(page.locator('.cm-content')).toContainText('Rescued words.');

  await removed.getByRole('button', { name: /Save As/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Save As' });
  const pathBox = dialog.getByLabel('New path in the site');
  await pathBox.fill('content/posts/second-post.md');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await pathBox.fill('content/posts/rescued.md');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.locator('.post-id')).toHaveText('content/posts/rescued.md');
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(path.join(site, 'content', 'posts', 'rescued.md'), 'utf8')).toBe(
    `${before}Rescued words.`,
  );
  await expect(
    page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: /First Post/ }),
  ).toBeVisible();
});

test('choosing another post keeps the unsaved one open; closing it asks Save, Don’t Save or Cancel', async ({
  page,
  site,
}) => {
  const file = path.join(site, firstId);
  const before = await openAndType(page, site, 'Kept until answered.');
  const firstOption = page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ });
  await expect(firstOption).toContainText('(unsaved)');
  const tabs = page.getByRole('tablist', { name: 'Open posts' });
  const firstTab = tabs.getByRole('tab', { name: /First Post/ });
  const closeFirst = page
    .getByRole('group', { name: 'Close open posts' })
    .getByRole('button', { name: 'Close First Post' });
  const question = page.getByRole('alertdialog', { name: /Save changes to content\/posts\/first-post\.md/ });

  // Opening another post asks nothing: both stay open, the first keeps its text.
  await openPost(page, /Second Post/);
  await expect(page.locator('.post-id')).toHaveText('content/posts/second-post.md');
  await expect(firstTab).toHaveAccessibleName(/unsaved/);
  await firstTab.click();
  await expect(page.locator('.cm-content')).toContainText('Kept until answered.');

  await closeFirst.click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.locator('.post-id')).toHaveText(firstId);
  await expect(page.locator('.cm-content')).toContainText('Kept until answered.');

  await closeFirst.click();
  await question.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.post-id')).toHaveText('content/posts/second-post.md');
  expect(await readFile(file, 'utf8')).toBe(`${before}Kept until answered.`);
  await expect(firstTab).toHaveCount(0);

  const second = path.join(site, 'content', 'posts', 'second-post.md');
  const secondBefore = await readFile(second, 'utf8');
  await page.locator('.cm-content').click();
  await page.keyboard.type('Thrown away.');
  await openPost(page, /Third Post/);
  await expect(page.locator('.post-id')).toHaveText('content/posts/third-post.md');
  await page
    .getByRole('group', { name: 'Close open posts' })
    .getByRole('button', { name: 'Close Second Post' })
    .click();
  await page
    .getByRole('alertdialog', { name: /Save changes to content\/posts\/second-post\.md/ })
    .getByRole('button', { name: /Don.t Save/ })
    .click();
  await expect(tabs.getByRole('tab', { name: /Second Post/ })).toHaveCount(0);
  await expect(page.locator('.post-id')).toHaveText('content/posts/third-post.md');
  expect(await readFile(second, 'utf8')).toBe(secondBefore);
});
