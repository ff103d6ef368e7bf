import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

test('create, rename, duplicate, delete and restore a post from the toolbar', async ({
  page,
  site,
  mode,
}) => {
  const posts = path.join(site, 'content', 'posts');
  const list = page.getByRole('listbox', { name: 'Posts' });
  await expect(page.getByText('3 posts')).toBeVisible();

  // Create: a title prompt with a section choice; the file appears with the site's front matter style.
  await page.getByRole('button', { name: 'New post' }).click();
  const create = page.getByRole('dialog', { name: 'New post' });
  await create.getByLabel('Title').fill('Hello: an E2E "world"');
  await create.getByLabel('Section').selectOption('posts');
  // The dialog shows the file name the post will get, and it can be edited.
  const fileName = create.getByLabel('File name');
  await expect(create.locator('.new-post-path')).toHaveText(
    'Will be created as content/posts/hello-an-e2e-world.md',
  );
  await expect(fileName).toHaveValue('hello-an-e2e-world');
  await fileName.fill('2026-12-02-Own Name');
  await expect(create.locator('.new-post-path')).toHaveText(
    'Will be created as content/posts/2026-12-02-own-name.md',
  );
  await fileName.fill('hello-an-e2e-world');
  await expect(create.locator('.new-post-path')).toHaveText(
    'Will be created as content/posts/hello-an-e2e-world.md',
  );
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(list.getByRole('option', { name: /Hello: an E2E "world"/ })).toBeVisible();
  await expect(page.getByText('4 posts')).toBeVisible();
  const created = path.join(posts, 'hello-an-e2e-world.md');
  expect(await readFile(created, 'utf8')).toMatch(
    /^---\ntitle: "Hello: an E2E \\"world\\""\ndate: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\ndraft: true\n---\n\n$/,
  );
  await expect(list.getByRole('option', { name: /Hello: an E2E/ })).toHaveAttribute('aria-selected', 'true');

  // Creating the same title again never overwrites: the dialog says it exists.
  await page.getByRole('button', { name: 'New post' }).click();
  const again = page.getByRole('dialog', { name: 'New post' });
  await again.getByLabel('Title').fill('Hello: an E2E "world"');
  await again.getByRole('button', { name: 'Create' }).click();
  await expect(again.getByRole('alert')).toContainText('already exists');
  await again.getByRole('button', { name: 'Cancel' }).click();

  // Rename the open post.
  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename post' });
  await rename.getByLabel('New name').fill('renamed-by-e2e');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole('heading', { name: 'content/posts/renamed-by-e2e.md' })).toBeVisible();
  expect(await exists(created)).toBe(false);
  expect(await exists(path.join(posts, 'renamed-by-e2e.md'))).toBe(true);

  // Duplicate it: the copy opens, titled "(copy)".
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(list.getByRole('option', { name: /Hello: an E2E "world" \(copy\)/ })).toBeVisible();
  await expect(page.getByText('5 posts')).toBeVisible();
  const copy = path.join(posts, 'renamed-by-e2e-copy.md');
  expect(await readFile(copy, 'utf8')).toContain('title: "Hello: an E2E \\"world\\" (copy)"');

  // Delete the copy: in browser mode it goes to the site's .postdesk-trash folder.
  await expect(page.getByRole('heading', { name: 'content/posts/renamed-by-e2e-copy.md' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('4 posts')).toBeVisible();
  expect(await exists(copy)).toBe(false);
  // Electron deletes through the platform trash (shell.trashItem), so only the web host fills .postdesk-trash.
  test.skip(mode === 'electron', 'the desktop app uses the platform trash, not .postdesk-trash');
  const trashed = await readdir(path.join(site, '.postdesk-trash'));
  expect(trashed.filter((name) => !name.startsWith('.'))).toHaveLength(1);
  expect(trashed).toContain('.gitignore');

  // Restore it from the Trash view.
  await page.getByRole('button', { name: 'Trash' }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await trash.getByRole('button', { name: /Restore Hello: an E2E/ }).click();
  await expect(trash).toBeHidden();
  await expect(page.getByText('5 posts')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'content/posts/renamed-by-e2e-copy.md' })).toBeVisible();
  await page.getByRole('button', { name: 'Trash' }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await trash.getByRole('button', { name: 'Close' }).click();
  await expect(trash).toBeHidden();
  expect(await readFile(copy, 'utf8')).toContain('(copy)');

  // Delete it again and undo from the notice.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('4 posts')).toBeVisible();
  await page.locator('.post-actions-message').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('5 posts')).toBeVisible();
  await expect(page.locator('.post-actions-message')).toHaveText(
    'Restored content/posts/renamed-by-e2e-copy.md.',
  );
  await expect(page.getByRole('heading', { name: 'content/posts/renamed-by-e2e-copy.md' })).toBeVisible();
  expect(await readFile(copy, 'utf8')).toContain('(copy)');
});
