import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeJpeg } from '../support/make-jpeg';
import { makePng } from '../support/make-png';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

async function openPost(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
}

/** Dispatches a paste of one file (built in the page from `bytes`), and maybe text, on the body editor. */
async function pasteFile(
  page: Page,
  bytes: Buffer,
  name: string,
  type: string,
  options: { text?: string; padTo?: number } = {},
): Promise<void> {
  await page.locator('.cm-content').evaluate(
    (editor, file) => {
      const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      // Zero padding after the bytes, built here so large files need not cross the protocol.
      const padding = new Uint8Array(Math.max(0, file.padTo - data.length));
      transfer.items.add(new File([data, padding], file.name, { type: file.type }));
      if (file.text !== '') transfer.setData('text/plain', file.text);
      const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      editor.dispatchEvent(event);
    },
    { base64: bytes.toString('base64'), name, type, text: options.text ?? '', padTo: options.padTo ?? 0 },
  );
}

/** Drags one file (built in the page from `bytes`) onto the start of the body editor's line `line`. */
async function dropFile(page: Page, bytes: Buffer, name: string, type: string, line: number): Promise<void> {
  await page.locator('.cm-content').evaluate(
    (editor, file) => {
      const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], file.name, { type: file.type }));
      const target = editor.querySelectorAll('.cm-line')[file.line] as HTMLElement;
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + 1, clientY: box.top + 4 };
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }),
        );
      }
    },
    { base64: bytes.toString('base64'), name, type, line },
  );
}

async function answerAltText(page: Page, expected: string, alt: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Add image' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Alt text')).toHaveValue(expected);
  await dialog.getByLabel('Alt text').fill(alt);
  await dialog.getByRole('button', { name: 'Insert' }).click();
  await expect(dialog).toBeHidden();
}

async function expectPreviewImage(page: Page, src: string, width: number): Promise<void> {
  const image = page.frameLocator('iframe[title="Preview"]').locator(`img[alt="${src}"]`);
  await expect(image).toHaveCount(1);
  await expect
    .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
    .toBe(width);
}

test('paste a PNG into a Markdown post: file in the post folder, Markdown inserted, preview shows it', async ({
  page,
  site,
}) => {
  const png = makePng(64, 40, (x, y) => [x * 4, y * 6, 120]);
  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nBefore the chart: ');

  await pasteFile(page, png, 'Sales Chart.png', 'image/png');
  await answerAltText(page, 'Sales Chart', 'Pasted chart');

  const expected = '![Pasted chart](/images/posts/second-post/sales-chart.png)';
  await expect(page.locator('.cm-content')).toContainText(`Before the chart: ${expected}`);
  const written = await readFile(path.join(site, 'static/images/posts/second-post/sales-chart.png'));
  expect(written.equals(png)).toBe(true);
  await expectPreviewImage(page, 'Pasted chart', 64);

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(path.join(site, 'content/posts/second-post.md'), 'utf8')).toContain(
    `Before the chart: ${expected}`,
  );
});

test('drop a JPEG onto an HTML post: an <img> where it fell, the file on disk, the preview loads it', async ({
  page,
  site,
}) => {
  const jpeg = makeJpeg(48, 32, (x, y) => 40 + x * 3 + y * 2);
  await openPost(page, /First Post/);
  await dropFile(page, jpeg, 'Harbour_view.JPG', 'image/jpeg', 1);
  await answerAltText(page, 'Harbour view', 'The harbour at dusk');

  const expected = '<img src="/images/posts/first-post/harbour-view.jpg" alt="The harbour at dusk">';
  const lines = page.locator('.cm-content .cm-line');
  await expect(lines.nth(1)).toHaveText(
    new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}<img`),
  );
  const written = await readFile(path.join(site, 'static/images/posts/first-post/harbour-view.jpg'));
  expect(written.equals(jpeg)).toBe(true);
  await expectPreviewImage(page, 'The harbour at dusk', 48);
});

test('a second image of the same name never replaces the first', async ({ page, site }) => {
  const first = makePng(10, 10, () => [255, 0, 0]);
  const second = makePng(12, 12, () => [0, 0, 255]);
  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await pasteFile(page, first, 'image.png', 'image/png');
  await answerAltText(page, 'image', 'Red square');
  await pasteFile(page, second, 'image.png', 'image/png');
  await answerAltText(page, 'image', 'Red square');
  const folder = path.join(site, 'static/images/posts/second-post');
  expect((await readdir(folder)).sort()).toEqual(['red-square-2.png', 'red-square.png']);
  expect((await readFile(path.join(folder, 'red-square.png'))).equals(first)).toBe(true);
  expect((await readFile(path.join(folder, 'red-square-2.png'))).equals(second)).toBe(true);
});

test('a file that is not an image is refused with a message and nothing is written', async ({
  page,
  site,
}) => {
  await openPost(page, /Second Post/);
  const before = await page.locator('.cm-content').textContent();
  await pasteFile(page, Buffer.from('%PDF-1.7\n'), 'invoice.pdf', 'application/pdf');
  await expect(page.getByRole('alert')).toContainText('"invoice.pdf" is not an image');
  await expect(page.getByRole('dialog', { name: 'Add image' })).toHaveCount(0);
  expect(await page.locator('.cm-content').textContent()).toBe(before);

  // Bytes that claim to be a PNG are checked by the host, which refuses them too.
  await pasteFile(page, Buffer.from('not really a png'), 'fake.png', 'image/png');
  await answerAltText(page, 'fake', 'Fake');
  await expect(page.getByRole('alert')).toContainText('"fake.png" is not an image Postdesk can add');
  expect(await page.locator('.cm-content').textContent()).toBe(before);
  await expect(readdir(path.join(site, 'static/images/posts'))).rejects.toThrow();
});

test('the media panel lists images with size, dimensions and users, and inserts one into the post', async ({
  page,
  site,
}) => {
  const jpeg = makeJpeg(80, 56, (x) => 200 - x);
  await mkdir(path.join(site, 'static/images/library'), { recursive: true });
  await writeFile(path.join(site, 'static/images/library/red-kite.jpg'), jpeg);

  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nKite: ');

  await page.getByRole('button', { name: 'Media' }).click();
  const panel = page.getByRole('dialog', { name: 'Media' });
  await expect(panel).toBeVisible();
  const photo = panel.getByRole('listitem', { name: 'photo.png' });
  await expect(photo).toContainText('240×');
  await expect(photo).toContainText('Used by first-post.md');
  await expect(photo.locator('img')).toHaveAttribute('loading', 'lazy');

  await panel.getByLabel('Search images').fill('kite');
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  const kite = panel.getByRole('listitem', { name: 'red-kite.jpg' });
  await expect(kite).toContainText(`80×56`);
  await expect(kite).toContainText('Not used in any post');
  await expect
    .poll(() => kite.locator('img').evaluate((element) => (element as HTMLImageElement).naturalWidth))
    .toBe(80);
  await kite.getByRole('button', { name: 'Insert' }).click();
  await expect(panel).toBeHidden();
  await answerAltText(page, 'red kite', 'A red kite');

  const expected = '![A red kite](/images/library/red-kite.jpg)';
  await expect(page.locator('.cm-content')).toContainText(`Kite: ${expected}`);
  expect((await readFile(path.join(site, 'static/images/library/red-kite.jpg'))).equals(jpeg)).toBe(true);
  await expectPreviewImage(page, 'A red kite', 80);

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Media' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Media' }).getByRole('listitem', { name: 'red-kite.jpg' }),
  ).toContainText('Used by second-post.md');
});

test('an image over the size limit is added only after the user agrees', async ({ page, site }) => {
  // A real PNG followed by padding: decoders stop at IEND, so it still shows.
  const png = makePng(20, 20, () => [10, 200, 10]);
  const large = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1 - png.length)]);
  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');

  await pasteFile(page, png, 'poster.png', 'image/png', { padTo: large.length });
  const dialog = page.getByRole('dialog', { name: 'Add image' });
  await expect(dialog).toContainText('larger than 10.0 MB');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(readdir(path.join(site, 'static/images/posts'))).rejects.toThrow();

  await pasteFile(page, png, 'poster.png', 'image/png', { padTo: large.length });
  await dialog.getByLabel('Alt text').fill('Big poster');
  await dialog.getByRole('button', { name: 'Add large image' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.cm-content')).toContainText(
    '![Big poster](/images/posts/second-post/poster.png)',
  );
  const written = await readFile(path.join(site, 'static/images/posts/second-post/poster.png'));
  expect(written.equals(large)).toBe(true);
  await expectPreviewImage(page, 'Big poster', 20);
});

test('an SVG is shown through <img> only, never inlined, and its script never runs', async ({
  page,
  site,
}) => {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="teal"/>' +
      '<script>parent.document.title = "svg ran"</script></svg>',
  );
  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await pasteFile(page, svg, 'Badge.svg', 'image/svg+xml');
  await answerAltText(page, 'Badge', 'A badge');
  expect((await readFile(path.join(site, 'static/images/posts/second-post/badge.svg'))).equals(svg)).toBe(
    true,
  );
  await expectPreviewImage(page, 'A badge', 30);
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('svg')).toHaveCount(0);

  await page.getByRole('button', { name: 'Media' }).click();
  const row = page.getByRole('dialog', { name: 'Media' }).getByRole('listitem', { name: 'badge.svg' });
  await expect(row).toContainText('30×20');
  await expect(row.locator('img')).toHaveCount(1);
  await expect(page.locator('dialog svg')).toHaveCount(0);
  expect(await page.title()).not.toBe('svg ran');
});

test('a paste carrying text beside a picture (as from a word processor) stays a text paste', async ({
  page,
  site,
}) => {
  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await pasteFile(
    page,
    makePng(4, 4, () => [0, 0, 0]),
    'image.png',
    'image/png',
    { text: 'Copied words' },
  );
  await expect(page.locator('.cm-content')).toContainText('Copied words');
  await expect(page.getByRole('dialog', { name: 'Add image' })).toHaveCount(0);
  await expect(readdir(path.join(site, 'static/images/posts'))).rejects.toThrow();
});

test('a file dropped outside the editor does not navigate away from unsaved edits', async ({ page }) => {
  await openPost(page, /Second Post/);
  await page.locator('.cm-content').click();
  await page.keyboard.type('Unsaved words. ');
  const url = page.url();
  const prevented = await page.locator('.sidebar').evaluate((sidebar) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'x.png', { type: 'image/png' }));
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    sidebar.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    sidebar.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  expect(prevented).toBe(true);
  expect(page.url()).toBe(url);
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
});
