import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { requiredTool } from '../support/required-tool';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';
const hugo = '/usr/bin/hugo';

test.use({ siteFixture: 'front-matter-formats' });

async function open(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
}

async function save(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
}

/** Hugo's own reading of the site: `hugo list all` as rows keyed by content path. */
async function hugoList(site: string): Promise<Map<string, Record<string, string>>> {
  const { stdout } = await promisify(execFile)(hugo, ['list', 'all'], { cwd: site });
  const [header, ...rows] = stdout.trim().split('\n');
  const columns = (header ?? '').split(',');
  const result = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const cells = row.split(',');
    const record = Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
    result.set(record.path ?? '', record);
  }
  return result;
}

test('one field of a commented YAML, a TOML and a JSON post edited through the form: minimal bytes, Hugo reads them', async ({
  page,
  site,
}) => {
  const posts = path.join(site, 'content', 'posts');
  const yamlFile = path.join(posts, 'commented-yaml.md');
  const tomlFile = path.join(posts, 'toml-post.md');
  const jsonFile = path.join(posts, 'json-post.md');
  const yamlBefore = await readFile(yamlFile, 'utf8');
  const tomlBefore = await readFile(tomlFile, 'utf8');
  const jsonBefore = await readFile(jsonFile, 'utf8');

  await open(page, /A commented YAML post/);
  await expect(page.getByLabel('author', { exact: true })).toHaveValue('Jane Doe');
  await expect(page.getByLabel('lastmod', { exact: true })).toHaveValue('2024-03-02');
  // Typing through a value that needs quotes must not leave quotes on the plain author value.
  await page.getByLabel('author', { exact: true }).fill('Jane: Doe');
  await page.getByLabel('author', { exact: true }).fill('Jane Doe');
  await expect(page.getByRole('status')).toHaveText('No changes');
  await page.getByLabel('title', { exact: true }).fill('Edited: the YAML post');
  await save(page);
  expect(await readFile(yamlFile, 'utf8')).toBe(
    yamlBefore.replace(
      'title: "A commented YAML post" # the headline',
      'title: "Edited: the YAML post" # the headline',
    ),
  );

  await open(page, /A TOML post/);
  await expect(page.getByLabel('draft', { exact: true })).toBeChecked();
  await page.getByLabel('draft', { exact: true }).uncheck();
  await save(page);
  expect(await readFile(tomlFile, 'utf8')).toBe(tomlBefore.replace('draft = true', 'draft = false'));

  await open(page, /A JSON post/);
  await expect(page.getByLabel('date', { exact: true })).toHaveValue('2024-05-01');
  await page.getByLabel('date', { exact: true }).fill('2024-05-09');
  await save(page);
  expect(await readFile(jsonFile, 'utf8')).toBe(
    jsonBefore.replace('"date": "2024-05-01"', '"date": "2024-05-09"'),
  );

  if (!requiredTool(hugo, "the front-matter spec's Hugo check")) return;
  const listed = await hugoList(site);
  expect(listed.get('content/posts/commented-yaml.md')?.title).toBe('Edited: the YAML post');
  expect(listed.get('content/posts/toml-post.md')?.draft).toBe('false');
  expect(listed.get('content/posts/json-post.md')?.date).toMatch(/^2024-05-09/);
});

test('tags, a nested map field, adding and removing a field write only their own lines', async ({
  page,
  site,
}) => {
  const tomlFile = path.join(site, 'content', 'posts', 'toml-post.md');
  const yamlFile = path.join(site, 'content', 'posts', 'commented-yaml.md');
  const tomlBefore = await readFile(tomlFile, 'utf8');
  const yamlBefore = await readFile(yamlFile, 'utf8');

  await open(page, /A TOML post/);
  await page.getByLabel('mood', { exact: true }).fill('bright');
  await page.getByLabel('tags', { exact: true }).fill('delta');
  await page.getByLabel('tags', { exact: true }).press('Enter');
  await save(page);
  expect(await readFile(tomlFile, 'utf8')).toBe(
    tomlBefore
      .replace('tags = ["gamma"]', 'tags = ["gamma", "delta"]')
      .replace('mood = "calm"', 'mood = "bright"'),
  );

  await open(page, /A commented YAML post/);
  await page.getByRole('button', { name: 'Remove author', exact: true }).click();
  await page.getByLabel('New field', { exact: true }).fill('weight');
  await page.getByLabel('New field type', { exact: true }).selectOption('number');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('weight', { exact: true }).fill('7');
  await save(page);
  // Measured from the saved text: the new key takes the place of the removed last key.
  expect(await readFile(yamlFile, 'utf8')).toBe(yamlBefore.replace('author: Jane Doe\n', 'weight: 7\n'));
});
