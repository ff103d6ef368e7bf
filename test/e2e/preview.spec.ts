import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// page.evaluate callbacks run in the browser, but this file is type-checked for Node (no DOM lib):
// the browser globals they use are declared loosely here, for this module only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const getComputedStyle: (element: unknown) => { color: string };
/* eslint-enable @typescript-eslint/no-explicit-any */

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Writes a post into the open site (id relative to content/posts), waits for the list, and opens it. */
async function openNewPost(page: Page, site: string, id: string, title: string, body: string): Promise<void> {
  const file = path.join(site, 'content', 'posts', ...id.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\ntitle: "${title}"\ndate: 2024-05-01\n---\n${body}`);
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.post-id')).toHaveText(`content/posts/${id}`);
}

/** Runs `script` on the preview document from the app page (the frame itself runs no scripts). */
function inPreview<T>(page: Page, script: string): Promise<T> {
  return page.evaluate((source) => {
    const frame = document.querySelector('iframe[title="Preview"]')!;
    return new Function('doc', 'win', source)(frame.contentDocument, frame.contentWindow) as T;
  }, script);
}

const longPost = Array.from(
  { length: 120 },
  (_, index) =>
    `## Section ${index + 1}\n\nParagraph ${index + 1} of a long post, long enough to wrap over a line or two in the editor and in the preview.\n`,
).join('\n');

test('Markdown renders with GFM and kept HTML blocks; bundle-relative images load', async ({
  page,
  site,
}) => {
  await openNewPost(
    page,
    site,
    'bundle/index.md',
    'Bundle',
    [
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '~~gone~~ and - [x] done',
      '',
      '- [x] task done',
      '',
      '<div class="note">kept <em>HTML</em></div>',
      '',
      '![Bundle photo](photo.png)',
      '',
    ].join('\n'),
  );
  await copyFile(
    path.join(site, 'static', 'images', 'blog', 'first-post', 'photo.png'),
    path.join(site, 'content', 'posts', 'bundle', 'photo.png'),
  );
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('table td').first()).toHaveText('1');
  await expect(preview.locator('del')).toHaveText('gone');
  // Task list boxes become characters: the sanitiser drops every input element.
  await expect(preview.locator('li').filter({ hasText: 'task done' })).toHaveText('☑ task done');
  await expect(preview.locator('div.note em')).toHaveText('HTML');
  // The image was written after the post opened: typing re-renders, and the image loads then.
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('x');
  const image = preview.locator('img[alt="Bundle photo"]');
  await expect
    .poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(240);
});

test('links open outside the app and never navigate it or the preview', async ({ page, site, mode }) => {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('outside');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/outside`;
  const appUrl = page.url();
  await openNewPost(
    page,
    site,
    'links.md',
    'Links',
    `[go outside](${target})\n\n<a href="#part2">jump</a>\n\n${'filler\n\n'.repeat(80)}<h2 id="part2">Part two</h2>\n\nend\n`,
  );
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.getByRole('heading', { name: 'Part two' })).toBeAttached();

  await preview.getByRole('link', { name: 'jump' }).click();
  await expect.poll(() => inPreview<number>(page, 'return win.scrollY')).toBeGreaterThan(0);

  if (mode === 'web') {
    // Browser mode: a new tab opens on the link; the app tab stays where it was.
    const popup = page.context().waitForEvent('page');
    await preview.getByRole('link', { name: 'go outside' }).click();
    const opened = await popup;
    await expect.poll(() => opened.url()).toBe(target);
    await opened.close();
  } else {
    // Desktop: window.open goes to the OS browser through setWindowOpenHandler (not observable
    // from the page); what the page can check is that no window and no navigation happened.
    await preview.getByRole('link', { name: 'go outside' }).click();
    expect(page.context().pages()).toHaveLength(1);
  }
  expect(page.url()).toBe(appUrl);
  expect(await inPreview<string>(page, 'return win.location.href')).toBe('about:srcdoc');
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('the preview keeps loaded images and its scroll position while the body changes', async ({
  page,
  site,
}) => {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect
    .poll(() =>
      preview
        .locator('img.alignright')
        .evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBe(240);
  await inPreview(page, 'doc.querySelector("img.alignright").keptNode = "yes"');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('<p>Typed after the image.</p>');
  await expect(preview.locator('body')).toContainText('Typed after the image.');
  expect(
    await inPreview<string | undefined>(page, 'return doc.querySelector("img.alignright").keptNode'),
  ).toBe('yes');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.getByLabel('Sync scroll').uncheck();
  await openNewPost(page, site, 'long.md', 'Long', longPost);
  await expect(preview.getByRole('heading', { name: 'Section 120' })).toBeAttached();
  await inPreview(page, 'win.scrollTo(0, 1500)');
  await expect.poll(() => inPreview<number>(page, 'return win.scrollY')).toBe(1500);
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('The end.');
  await expect(preview.locator('body')).toContainText('The end.');
  expect(await inPreview<number>(page, 'return win.scrollY')).toBe(1500);
});

test('scroll sync follows both ways and stops when switched off', async ({ page, site }) => {
  await openNewPost(page, site, 'long.md', 'Long', longPost);
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.getByRole('heading', { name: 'Section 120' })).toBeAttached();
  const scroller = page.locator('.cm-scroller');

  /** The section number of the first heading at or below the top of the preview. */
  const previewTopSection = (): Promise<number> =>
    inPreview<number>(
      page,
      `const h = [...doc.querySelectorAll('h2')].find((e) => e.getBoundingClientRect().bottom > 0);
       return Number(h.textContent.replace('Section ', ''));`,
    );
  /** The section number of the first heading line visible at the top of the editor. */
  const editorTopSection = (): Promise<number> =>
    scroller.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      const line = [...element.querySelectorAll('.cm-line')].find(
        (e) => e.getBoundingClientRect().bottom > top && /## Section/.test(e.textContent ?? ''),
      );
      return Number((line?.textContent ?? '').replace('## Section ', ''));
    });

  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await expect
    .poll(async () => Math.abs((await previewTopSection()) - (await editorTopSection())))
    .toBeLessThanOrEqual(2);
  expect(await previewTopSection()).toBeGreaterThan(30);

  // A pane that just followed the other ignores its own scroll events for a moment (no ping-pong):
  // let that moment pass, as a reader's next scroll would.
  await page.waitForTimeout(400);
  await inPreview(page, 'win.scrollTo(0, doc.documentElement.scrollHeight / 5)');
  await expect
    .poll(async () => Math.abs((await previewTopSection()) - (await editorTopSection())))
    .toBeLessThanOrEqual(2);
  expect(await editorTopSection()).toBeLessThan(40);

  await page.getByLabel('Sync scroll').uncheck();
  const before = await inPreview<number>(page, 'return win.scrollY');
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect.poll(() => editorTopSection()).toBeGreaterThan(100);
  await page.waitForTimeout(300);
  expect(await inPreview<number>(page, 'return win.scrollY')).toBe(before);
});

test('a configured site stylesheet styles the preview', async ({ page, site }) => {
  await mkdir(path.join(site, 'static', 'css'), { recursive: true });
  await writeFile(path.join(site, 'static', 'css', 'site.css'), 'body { color: rgb(1, 2, 3); }\n');
  await writeFile(
    path.join(site, 'postdesk.config.json'),
    JSON.stringify({ previewStylesheet: '/css/site.css' }),
  );
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: 'Second Post' }).click();
  const body = page.frameLocator('iframe[title="Preview"]').locator('body');
  await expect(body).toContainText('Second heading');
  await expect.poll(() => body.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(1, 2, 3)');
});
