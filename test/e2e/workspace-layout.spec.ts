import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// The workspace: resizable panes remembered per site, the sidebar collapsible, focus mode (the
// editor alone), reading mode (the preview alone), and post rows whose parts never overlap.

async function openPost(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
}

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  return box ? Math.round(box.width) : 0;
}

test('the panes resize from the keyboard and keep their sizes for the site after a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPost(page, /First Post/);
  const sidebar = page.locator('aside.sidebar');
  const preview = page.locator('.preview-column');
  const sidebarBefore = await widthOf(sidebar);

  const sidebarHandle = page.getByRole('separator', { name: 'Resize the sidebar' });
  await sidebarHandle.focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(() => widthOf(sidebar)).toBeGreaterThan(sidebarBefore + 40);
  const previewBefore = await widthOf(preview);
  const editHandle = page.getByRole('separator', { name: 'Resize the editor and the preview' });
  await editHandle.focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => widthOf(preview)).toBeGreaterThan(previewBefore + 10);
  const sidebarAfter = await widthOf(sidebar);
  const previewAfter = await widthOf(preview);
  // Neither pane was dragged closed: the edit column keeps its place.
  expect(await widthOf(page.locator('.edit-column'))).toBeGreaterThan(150);

  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await openPost(page, /First Post/);
  await expect.poll(() => widthOf(sidebar)).toBeGreaterThan(sidebarAfter - 3);
  expect(await widthOf(sidebar)).toBeLessThan(sidebarAfter + 3);
  await expect.poll(() => widthOf(preview)).toBeGreaterThan(previewAfter - 3);
  expect(await widthOf(preview)).toBeLessThan(previewAfter + 3);
});

test('the sidebar collapses, focus mode shows the editor alone, reading mode the preview alone', async ({
  page,
}) => {
  await openPost(page, /First Post/);
  const layout = page.getByRole('toolbar', { name: 'Layout' });
  const sidebar = page.locator('aside.sidebar');
  const preview = page.frameLocator('iframe[title="Preview"]').locator('body');

  await layout.getByRole('button', { name: 'Show sidebar' }).click();
  await expect(layout.getByRole('button', { name: 'Show sidebar' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => widthOf(sidebar)).toBe(0);
  await layout.getByRole('button', { name: 'Show sidebar' }).click();
  await expect.poll(() => widthOf(sidebar)).toBeGreaterThan(150);

  await layout.getByRole('button', { name: 'Focus mode' }).click();
  await expect(layout.getByRole('button', { name: 'Focus mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => widthOf(sidebar)).toBe(0);
  await expect.poll(() => widthOf(page.locator('.preview-column'))).toBe(0);
  await expect(page.getByLabel('title', { exact: true })).toBeHidden();
  // The editor still takes typing in focus mode.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Focused.');
  await expect(page.locator('.cm-content')).toContainText('Focused.');

  await layout.getByRole('button', { name: 'Reading mode' }).click();
  await expect.poll(() => widthOf(page.locator('.edit-column'))).toBe(0);
  await expect.poll(() => widthOf(page.locator('.preview-column'))).toBeGreaterThan(600);
  await expect(preview).toContainText('Focused.');

  await layout.getByRole('button', { name: 'Reading mode' }).click();
  await expect.poll(() => widthOf(page.locator('.edit-column'))).toBeGreaterThan(200);
  await expect.poll(() => widthOf(page.locator('.preview-column'))).toBeGreaterThan(200);
  await expect.poll(() => widthOf(sidebar)).toBeGreaterThan(150);
  await expect(page.getByLabel('title', { exact: true })).toBeVisible();
});

test.describe('post rows', () => {
  test.use({ siteFixture: 'problem-badges' });

  test('a long title wraps to two lines and never meets the date or the problem badge', async ({
    page,
    site,
  }) => {
    const file = path.join(site, 'content', 'posts', 'image-post.md');
    const long = 'A very long title about kites, rivers and the small birds that follow the harvest';
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: "${long}"`));
    await page.reload();
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    const row = page
      .getByRole('listbox', { name: 'Posts' })
      .getByRole('option', { name: /A very long title/ });
    await expect(row.locator('.post-problem')).toContainText('2 problems');
    const [rowBox, title, meta, badge] = await Promise.all(
      [row, row.locator('.post-title'), row.locator('.post-meta'), row.locator('.post-problem')].map((l) =>
        l.boundingBox(),
      ),
    );
    if (!rowBox || !title || !meta || !badge) throw new Error('a part of the row is not shown');
    // Two lines of title (more than one line high), above the meta line, left of the badge.
    expect(title.height).toBeGreaterThan(28);
    expect(title.y + title.height).toBeLessThanOrEqual(meta.y + 0.5);
    expect(title.x + title.width).toBeLessThanOrEqual(badge.x + 0.5);
    expect(meta.x + meta.width).toBeLessThanOrEqual(badge.x + 0.5);
    // Nothing spills out of the row.
    expect(meta.y + meta.height).toBeLessThanOrEqual(rowBox.y + rowBox.height + 0.5);
  });
});
