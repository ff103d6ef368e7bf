// Item 5 of issue 19: an image pasted into a post that is then closed without saving leaves no
// orphan file; one the saved post names stays; one removed from the text before the save goes.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makePng } from '../support/make-png';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

async function pastePng(page: Page, name: string, alt: string): Promise<void> {
  const png = makePng(8, 8, () => [200, 40, 40]);
  await page.locator('.cm-content').evaluate(
    (editor, file) => {
      const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], file.name, { type: 'image/png' }));
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { base64: png.toString('base64'), name },
  );
  const dialog = page.getByRole('dialog', { name: 'Add image' });
  await dialog.getByLabel('Alt text').fill(alt);
  await dialog.getByRole('button', { name: 'Insert' }).click();
  await expect(dialog).toBeHidden();
}

test('a pasted image goes with an edit that is not saved, and stays with one that is', async ({
  page,
  site,
}) => {
  const folder = path.join(site, 'static/images/posts/second-post');
  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: 'Second Post' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);

  // Pasted, then the tab closed with Don't Save: the file is removed again.
  await pastePng(page, 'thrown away.png', 'Thrown away');
  await expect(page.locator('.cm-content')).toContainText('/images/posts/second-post/thrown-away.png');
  expect(await exists(path.join(folder, 'thrown-away.png'))).toBe(true);
  await page
    .getByRole('group', { name: 'Close open posts' })
    .getByRole('button', { name: 'Close Second Post' })
    .click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Don.t Save/ })
    .click();
  await expect.poll(() => exists(path.join(folder, 'thrown-away.png'))).toBe(false);

  // Pasted twice, the first taken out again, then saved: the kept one stays, the other goes.
  await list.getByRole('option', { name: 'Second Post' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await pastePng(page, 'kept.png', 'Kept');
  await page.keyboard.type('\n');
  await pastePng(page, 'dropped.png', 'Dropped');
  await expect(page.locator('.cm-content')).toContainText('dropped.png');
  expect(await exists(path.join(folder, 'dropped.png'))).toBe(true);
  // Take the second image out again (undo its insertion).
  await page.locator('.cm-content').focus();
  await page.keyboard.press(`${mod}+Z`);
  await expect(page.locator('.cm-content')).not.toContainText('dropped.png');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status').first()).toHaveText('Saved');
  expect(await readFile(path.join(site, 'content/posts/second-post.md'), 'utf8')).toContain(
    '![Kept](/images/posts/second-post/kept.png)',
  );
  await expect.poll(() => exists(path.join(folder, 'dropped.png'))).toBe(false);
  expect(await exists(path.join(folder, 'kept.png'))).toBe(true);
});
