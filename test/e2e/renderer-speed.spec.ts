import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// Behaviour behind the renderer's speed work (#11); the figures themselves are in `npm run bench`.

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The script files the page has loaded so far. */
function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
}

test('the editor loads on demand, and keys typed at once after the palette shortcut reach the palette', async ({
  page,
}) => {
  const before = await loadedScripts(page);
  expect(before.some((name) => /\/editor-chunk-[^/]*\.js$/.test(name))).toBe(false);

  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Second Post/ })
    .click();
  await expect(page.locator('.cm-content')).toBeVisible();
  expect((await loadedScripts(page)).some((name) => /\/editor-chunk-[^/]*\.js$/.test(name))).toBe(true);

  // Typed at once after the shortcut: nothing is lost.
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('close post');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tablist', { name: 'Open posts' })).toHaveCount(0);
});

test('typing marks the post unsaved and a save at once after the keys writes exactly what was typed', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'posts', 'first-post.md');
  const before = await readFile(file, 'utf8');
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('Saved in the same breath.');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(`${before}Saved in the same breath.`);

  await page.keyboard.type('!');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await expect(page.getByRole('tab', { name: /First Post/ })).toContainText('(unsaved)');
});

test('the preview keeps its last content and its scroll position while it follows the typing', async ({
  page,
  site,
}) => {
  const paragraphs = Array.from({ length: 80 }, (_, index) => `Paragraph ${index} of a long post.`);
  await writeFile(
    path.join(site, 'content', 'posts', 'third-post.md'),
    `---\ntitle: "Long post"\n---\n${paragraphs.join('\n\n')}\n`,
  );
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Long post/ })
    .click();
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('body')).toContainText('Paragraph 79 of a long post.');
  // Scroll sync off: the preview's position is the writer's own.
  await page.getByLabel('Sync scroll').uncheck();
  const frame = page.frame({ url: /about:srcdoc/ }) ?? page.mainFrame().childFrames()[0]!;
  await frame.evaluate(() => {
    window.scrollTo(0, 600);
    const flags = window as unknown as { emptied: boolean };
    flags.emptied = false;
    new MutationObserver(() => {
      if (document.body.childElementCount === 0) flags.emptied = true;
    }).observe(document.body, { childList: true });
  });
  const scrolled = await frame.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);

  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  for (const word of ['Edited ', 'while ', 'scrolled ']) await page.keyboard.type(word);
  await expect(preview.locator('body')).toContainText('Edited while scrolled');
  expect(await frame.evaluate(() => window.scrollY)).toBe(scrolled);
  expect(await frame.evaluate(() => (window as unknown as { emptied: boolean }).emptied)).toBe(false);
});

test('a paragraph of 120 KB of `*a` opens and takes typing (the editor parse stays linear)', async ({
  page,
  site,
}) => {
  await writeFile(
    path.join(site, 'content', 'posts', 'third-post.md'),
    `---\ntitle: "Stars"\n---\n${'*a'.repeat(60_000)}\n`,
  );
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: /Stars/ }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.type('Still typing. ');
  await expect(page.locator('.cm-line').first()).toContainText('Still typing.');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
});
