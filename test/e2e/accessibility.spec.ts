import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// axe-core scans of every view in the light and the dark theme: no serious or critical violation.
// The preview frame is left out: it shows the post's own HTML (sandboxed, scripts off), not Postdesk.

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const firstId = 'content/posts/first-post.md';

// Each test scans several views twice (light and dark); a full axe pass takes seconds on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Answers the serious and critical axe violations of the page (or of what `scope` selects), one line each. */
async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).exclude('iframe[title="Preview"]');
  const scoped = (scope ? builder.include(scope) : builder).options({ resultTypes: ['violations'] });
  const { violations } = await scoped.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The open dialogs (modal or not, alert dialogs too): what a dialog's scan covers. */
const dialogs = '[role="dialog"], [role="alertdialog"], dialog[open]';

/**
 * Scans in the light and in the dark theme and expects no serious or critical violation: the whole
 * page, or only the dialogs when `shown` is a dialog (the page behind is scanned by its own test).
 */
async function expectAccessible(page: Page, label: string, shown?: Locator, scope?: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    if (shown) await expect(shown).toBeVisible();
    expect.soft(await seriousViolations(page, scope), `${label}, ${theme} theme`).toEqual([]);
  }
}

/** Scans an open dialog (named `name`) in both themes. */
async function expectDialogAccessible(
  page: Page,
  name: string | RegExp,
  role = 'dialog' as const,
): Promise<void> {
  await expectAccessible(page, String(name), page.getByRole(role, { name }), dialogs);
}

async function openPost(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
}

async function runCommand(page: Page, command: string): Promise<void> {
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Opens the first post and types at the end of its body, leaving it unsaved. */
async function typeInFirstPost(page: Page, typed: string): Promise<void> {
  await openPost(page, /First Post/);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
}

test('the main view, empty and with posts open, and the site search panel', async ({ page }) => {
  await expectAccessible(page, 'no post open');
  await openPost(page, /First Post/);
  await openPost(page, /Second Post/);
  await expectAccessible(page, 'two posts open');
  await page.keyboard.press('Control+Shift+F');
  await page.getByRole('searchbox', { name: 'Search all posts' }).fill('Post');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('li.search-result')).toHaveCount(3);
  await expectAccessible(page, 'site search results');
});

test('the palettes, the media panel and the taxonomies', async ({ page }) => {
  await openPost(page, /First Post/);
  await page.keyboard.press(`${mod}+P`);
  await expectDialogAccessible(page, 'Quick Open');
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+Shift+P`);
  await expectDialogAccessible(page, 'Command Palette');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Media' }).click();
  await expectDialogAccessible(page, 'Media');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Media' })).toBeHidden();

  await runCommand(page, 'taxonomies');
  await expectDialogAccessible(page, 'Taxonomies');
});

test('the new post, rename and trash dialogs', async ({ page }) => {
  await openPost(page, /First Post/);
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByRole('dialog', { name: 'New post' }).getByLabel('Title').fill('A new post');
  await expectDialogAccessible(page, 'New post');
  await page.getByRole('dialog', { name: 'New post' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Rename' }).click();
  await expectDialogAccessible(page, 'Rename post');
  await page.getByRole('dialog', { name: 'Rename post' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Trash' }).click();
  await expectDialogAccessible(page, 'Trash');
});

test('the unsaved prompt, the disk conflict and Compare', async ({ page, site }) => {
  const file = path.join(site, firstId);
  const before = await readFile(file, 'utf8');
  await typeInFirstPost(page, 'Line of mine.');
  await runCommand(page, 'close post');
  await expectAccessible(
    page,
    'unsaved prompt',
    page.getByRole('alertdialog', { name: /Save changes to/ }),
    dialogs,
  );
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

  await writeFile(file, `${before}Line of theirs.\n`);
  const conflict = page.getByRole('alert').filter({ hasText: 'changed on disk' });
  await expectAccessible(page, 'conflict', conflict);
  await conflict.getByRole('button', { name: 'Compare' }).click();
  await expectDialogAccessible(page, /Compare/);
});

test('Save As for a post removed on disk', async ({ page, site }) => {
  await typeInFirstPost(page, 'Rescued words.');
  await rm(path.join(site, firstId));
  const removed = page.getByRole('alert').filter({ hasText: 'removed on disk' });
  await removed.getByRole('button', { name: /Save As/ }).click();
  await expectDialogAccessible(page, 'Save As');
});

test('the replace preview, the bulk edit bar and its preview', async ({ page }) => {
  await page.keyboard.press('Control+Shift+F');
  await page.getByRole('searchbox', { name: 'Search all posts' }).fill('body');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('li.search-result')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Replace' }).fill('text');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expectDialogAccessible(page, 'Replace preview');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Replace preview' })).toBeHidden();

  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: /First Post/ }).click({ modifiers: ['Control'] });
  await list.getByRole('option', { name: /Second Post/ }).click({ modifiers: ['Control'] });
  const bar = page.getByRole('region', { name: 'Bulk edit' });
  await expectAccessible(page, 'Bulk edit bar', bar);
  await bar.getByRole('button', { name: 'Preview bulk edit' }).click();
  await expectDialogAccessible(page, 'Bulk edit preview');
});
