import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makePng } from '../support/make-png';
import { expect, test } from './support/app-fixture';

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';
const post = [
  '---',
  'title: "Cover test"',
  'image: ""',
  '# the cover of the post',
  'author: "Jane Doe"',
  '---',
  '<p>Body.</p>',
  '',
].join('\n');

test('the image field of the front matter form picks a site image and uploads a new one', async ({
  page,
  site,
}) => {
  const file = path.join(site, 'content', 'posts', 'cover-test.md');
  await writeFile(file, post);
  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: /Cover test/ }).click();

  const input = page.getByLabel('image', { exact: true });
  await expect(input).toHaveValue('');

  // Pick an existing image: the picker lists the site's images with thumbnails.
  await page.getByRole('button', { name: 'Choose image' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose image' });
  await expect(picker.getByText('photo.png', { exact: true })).toBeVisible();
  await picker.getByRole('button', { name: 'Choose' }).first().click();
  await expect(picker).toBeHidden();
  await expect(input).toHaveValue('/images/blog/first-post/photo.png');
  const thumb = page.locator('.image-field-thumb').first();
  await expect.poll(() => thumb.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(240);

  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(
    post.replace('image: ""', 'image: "/images/blog/first-post/photo.png"'),
  );

  // Upload a new image: it is copied into the post's image folder and the field points at it.
  const png = makePng(32, 16, (x) => [x * 8, 100, 200]);
  await page
    .locator('.image-field input[type="file"]')
    .setInputFiles({ name: 'Cover Photo.PNG', mimeType: 'image/png', buffer: png });
  await expect(input).toHaveValue(/^\/images\/posts\/cover-test\/cover-photo\.png$/);
  const folder = path.join(site, 'static', 'images', 'posts', 'cover-test');
  expect(await readdir(folder)).toEqual(['cover-photo.png']);
  expect((await readFile(path.join(folder, 'cover-photo.png'))).equals(png)).toBe(true);
  await expect.poll(() => thumb.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(32);
});
