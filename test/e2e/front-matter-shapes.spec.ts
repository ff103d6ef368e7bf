import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

test.use({ siteFixture: 'front-matter-shapes' });

async function open(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
}

async function save(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
}

test('a tagged value is shown read-only with its tag; an anchored value is edited in place and its alias follows', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'posts', 'tags-and-anchors.md');
  const before = await readFile(file, 'utf8');
  await open(page, /Tags and anchors/);
  const picture = page.getByRole('textbox', { name: 'picture (!!binary, read-only)' });
  await expect(picture).toContainText('R0lGODlhDAAMAIQAAP//9/X');
  await expect(page.getByText('Tagged !!binary: shown read-only')).toBeVisible();
  await expect(page.getByText('author: Shares its value with "reviewer" (anchor &me)')).toBeVisible();
  await expect(page.getByText('reviewer: Shows the value of "author" (alias *me)')).toBeVisible();

  await page.getByLabel('author', { exact: true }).fill('Grace');
  await expect(page.getByLabel('reviewer', { exact: true })).toHaveValue('Grace');
  await save(page);
  expect(await readFile(file, 'utf8')).toBe(before.replace('&me Ada', '&me Grace'));
});

test('a key under a TOML [menu.main] table with an implied parent is edited in place', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'en', 'functions', 'menu-toml.md');
  const before = await readFile(file, 'utf8');
  await open(page, /A TOML menu page/);
  const main = page.getByRole('group', { name: /^main/ });
  await main.getByLabel('weight', { exact: true }).fill('40');
  await save(page);
  expect(await readFile(file, 'utf8')).toBe(before.replace('weight = 30', 'weight = 40'));
});
