import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// The list's search, sort, filters, per-site persistence, virtualization and keyboard, on a site of
// 265 posts: the 3 of the hugo-basic fixture plus 262 written here before the page is reloaded.
const total = 265;

const pad = (n: number): string => String(n).padStart(3, '0');
const day = (base: number, offset: number): string =>
  new Date(base + offset * 86_400_000).toISOString().slice(0, 10);

/** Writes 240 generated posts, 20 notes, one post with broken YAML and one with a late lastmod. */
async function writeManyPosts(site: string): Promise<void> {
  const posts = path.join(site, 'content', 'posts');
  const notes = path.join(site, 'content', 'notes');
  await mkdir(notes, { recursive: true });
  const writes: Promise<void>[] = [];
  for (let i = 0; i < 240; i += 1) {
    const header = [
      `title: "Generated post ${pad(i)}"`,
      `date: ${day(Date.UTC(2021, 0, 1), i)}`,
      `author: "${i % 3 === 0 ? 'Ada Lovelace' : 'Grace Hopper'}"`,
      `tags: [${i % 10 === 0 ? 'zebra' : 'common'}]`,
      ...(i % 8 === 0 ? ['draft: true'] : []),
    ];
    writes.push(
      writeFile(path.join(posts, `gen-${pad(i)}.md`), `---\n${header.join('\n')}\n---\nBody ${i}.\n`),
    );
  }
  for (let j = 0; j < 20; j += 1) {
    const text = `---\ntitle: "Note ${j}"\ndate: ${day(Date.UTC(2020, 0, 1), j)}\n---\nA note.\n`;
    writes.push(writeFile(path.join(notes, `note-${j}.md`), text));
  }
  writes.push(writeFile(path.join(posts, 'broken.md'), '---\ntitle: "Broken\nfoo: [1, 2\n---\nBody.\n'));
  writes.push(
    writeFile(
      path.join(posts, 'latest.md'),
      '---\ntitle: "Latest news"\ndate: 2019-01-01\nlastmod: "2030-01-01"\n---\nNews.\n',
    ),
  );
  await Promise.all(writes);
}

async function reloadWhenListed(page: Page, count: number): Promise<void> {
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(page.getByText(`${count} posts`, { exact: true })).toBeVisible();
}

test('search, sort and filters narrow the list, and the choices survive a reload', async ({ page, site }) => {
  await writeManyPosts(site);
  await reloadWhenListed(page, total);
  const list = page.getByRole('listbox', { name: 'Posts' });
  const options = list.getByRole('option');

  // Virtualized: only the rows in view (and a few more) are in the page.
  expect(await options.count()).toBeGreaterThan(3);
  expect(await options.count()).toBeLessThan(60);
  // Newest first by default, using lastmod when it is the newest date.
  await expect(options.first()).toContainText('Latest news');
  await expect(options.nth(1)).toContainText('Third Post in TOML');

  await page.getByLabel('Sort').selectOption('title');
  await expect(options.first()).toContainText('broken');
  await expect(options.nth(1)).toContainText('First Post');

  await page.getByLabel('Search posts').fill('zebra');
  await expect(page.getByText('24 posts', { exact: true })).toBeVisible();
  await expect(page.getByText(`filtered from ${total}`)).toBeVisible();
  await page.getByLabel('Drafts').selectOption('draft');
  await expect(page.getByText('6 posts', { exact: true })).toBeVisible();
  await page.getByLabel('Author').selectOption('Ada Lovelace');
  await expect(page.getByText('2 posts', { exact: true })).toBeVisible();
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('Generated post 000');
  await expect(options.nth(1)).toContainText('Generated post 120');

  // Searching by path and by author works too.
  await page.getByLabel('Author').selectOption('');
  await page.getByLabel('Drafts').selectOption('any');
  await page.getByLabel('Search posts').fill('gen-04');
  await expect(page.getByText('10 posts', { exact: true })).toBeVisible();
  await page.getByLabel('Search posts').fill('john roe');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Second Post');

  await page.getByLabel('Search posts').fill('zebra');
  await page.getByLabel('Drafts').selectOption('draft');
  await page.getByLabel('Author').selectOption('Ada Lovelace');
  await expect(page.getByText('2 posts', { exact: true })).toBeVisible();

  await reloadWhenListed(page, 2);
  await expect(page.getByLabel('Search posts')).toHaveValue('zebra');
  await expect(page.getByLabel('Sort')).toHaveValue('title');
  await expect(page.getByLabel('Drafts')).toHaveValue('draft');
  await expect(page.getByLabel('Author')).toHaveValue('Ada Lovelace');
  await expect(options.nth(1)).toContainText('Generated post 120');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(`${total} posts`, { exact: true })).toBeVisible();
  await expect(page.getByLabel('Sort')).toHaveValue('title');
  await expect(page.getByText(/filtered from/)).toHaveCount(0);

  await page.getByLabel('Section').selectOption('notes');
  await expect(page.getByText('20 posts', { exact: true })).toBeVisible();
  await page.getByLabel('Section').selectOption('');

  await page.getByLabel('Has problems').check();
  await expect(page.getByText('1 post', { exact: true })).toBeVisible();
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('broken');
  await expect(options.first()).toContainText('1 problem');
});

test('the keyboard moves through the list, scrolls it and opens the chosen post', async ({ page, site }) => {
  await writeManyPosts(site);
  await reloadWhenListed(page, total);
  const list = page.getByRole('listbox', { name: 'Posts' });

  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Newest first: Latest news, Third Post, Second Post, First Post.
  await expect(page.locator('.post-id')).toHaveText('content/posts/first-post.md');
  await expect(list.getByRole('option', { name: /First Post/ })).toHaveAttribute('aria-selected', 'true');

  // End scrolls the virtual list to its last row (undated posts come last), which then opens.
  await page.keyboard.press('End');
  const last = list.getByRole('option', { name: /broken/ });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-posinset', String(total));
  await expect(list.getByRole('option', { name: /Latest news/ })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('.post-id')).toHaveText('content/posts/broken.md');

  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { name: /Latest news/ })).toBeVisible();
});

test('a post added on disk appears in the list without a reload', async ({ page, site }) => {
  await expect(page.getByText('3 posts', { exact: true })).toBeVisible();
  await writeFile(
    path.join(site, 'content', 'posts', 'from-outside.md'),
    '---\ntitle: "Written from outside"\ndate: 2025-01-01\n---\nHello.\n',
  );
  const list = page.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option', { name: /Written from outside/ })).toBeVisible();
  await expect(page.getByText('4 posts', { exact: true })).toBeVisible();
});

test.describe('a site of 10,000 posts', () => {
  const count = 10_000;
  // Written before Postdesk opens the site (the page fixture depends on `site`).
  const big = test.extend({
    site: async ({ site }, use) => {
      const dir = path.join(site, 'content', 'posts');
      for (let start = 0; start < count; start += 500) {
        await Promise.all(
          Array.from({ length: Math.min(500, count - start) }, (_, k) => {
            const i = start + k;
            const text = `---\ntitle: "Bulk post ${String(i).padStart(5, '0')}"\ndate: ${day(Date.UTC(2000, 0, 1), i)}\n---\nBody.\n`;
            return writeFile(path.join(dir, `bulk-${i}.md`), text);
          }),
        );
      }
      await use(site);
    },
  });

  big(
    'lists every post, keeps few rows in the page, scrolls to the end and finds one by search',
    async ({ page }) => {
      const list = page.getByRole('listbox', { name: 'Posts' });
      await expect(page.getByText(`${count + 3} posts`, { exact: true })).toBeVisible();
      expect(await list.getByRole('option').count()).toBeLessThan(60);

      await list.focus();
      await page.keyboard.press('End');
      // Oldest dated post last: bulk post 00000, dated 2000-01-01.
      await expect(list.getByRole('option', { name: /Bulk post 00000/ })).toBeVisible();
      expect(await list.getByRole('option').count()).toBeLessThan(60);

      await page.getByLabel('Search posts').fill('bulk post 04321');
      await expect(page.getByText('1 post', { exact: true })).toBeVisible();
      await list.getByRole('option', { name: /Bulk post 04321/ }).click();
      await expect(page.locator('.post-id')).toHaveText('content/posts/bulk-4321.md');
    },
  );
});
