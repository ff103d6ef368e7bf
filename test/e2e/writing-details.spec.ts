// A writer's small comforts, checked in the real editor: the platform's spell checker on prose and
// off in code, Tab that moves focus unless "Indent with Tab" is on (then a hint says how to leave),
// a closing tag typed by hand that does not double the auto-inserted one, commas that split tags,
// and a palette that lists only shortcuts the page can receive.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openPost(
  page: Page,
  site: string,
  name: string,
  front: string,
  body: string,
): Promise<string> {
  const file = path.join(site, 'content', 'posts', name);
  await writeFile(file, `---\n${front}---\n${body}`);
  const title = /title: "([^"]+)"/.exec(front)![1]!;
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.post-id')).toHaveText(`content/posts/${name}`);
  return file;
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press(`${mod}+Shift+P`);
  const dialog = page.getByRole('dialog', { name: 'Command Palette' });
  await dialog.getByRole('combobox').fill(title);
  await dialog
    .getByRole('option', { name: new RegExp(title) })
    .first()
    .click();
  await expect(dialog).toBeHidden();
}

test('spell check reads prose, never code, in the body and the form', async ({ page, site }) => {
  await openPost(
    page,
    site,
    'spelling.md',
    'title: "Spelling"\nslug: "spelling-post"\n',
    'Some prose with a mispeled word and `inlineCode()` here.\n\n```js\nconst x = 1;\n```\n\n<span class="x">tagged</span>\n',
  );
  const content = page.locator('.cm-content');
  await expect(content).toHaveAttribute('spellcheck', 'true');
  await expect(content.locator('[spellcheck="false"]', { hasText: 'inlineCode()' })).toHaveCount(1);
  await expect(content.locator('[spellcheck="false"]', { hasText: 'const x = 1;' })).toHaveCount(1);
  await expect(content.locator('[spellcheck="false"]', { hasText: 'class="x"' }).first()).toBeVisible();
  await expect(content.locator('[spellcheck="false"]', { hasText: 'mispeled' })).toHaveCount(0);
  await expect(page.getByLabel('title', { exact: true })).toHaveAttribute('spellcheck', 'true');
  await expect(page.getByLabel('slug', { exact: true })).toHaveAttribute('spellcheck', 'false');

  await runCommand(page, 'Toggle Spell Check');
  await expect(content).toHaveAttribute('spellcheck', 'false');
  await expect(page.getByLabel('title', { exact: true })).toHaveAttribute('spellcheck', 'false');
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: 'Spelling' }).click();
  await expect(page.locator('.cm-content')).toHaveAttribute('spellcheck', 'false');
});

test('Tab leaves the editor unless Indent with Tab is on, and then the status bar says how to leave', async ({
  page,
  site,
}) => {
  const file = await openPost(page, site, 'tabs.md', 'title: "Tabs"\n', '- item\n');
  const before = await readFile(file, 'utf8');
  await page.locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).not.toBeFocused();
  await expect(page.locator('.status-tab-hint')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('No changes');

  await runCommand(page, 'Toggle Indent with Tab');
  await page.locator('.cm-content').click();
  await expect(page.locator('.status-tab-hint')).toHaveText(
    'Tab indents: press Esc, then Tab, to leave the editor',
  );
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).not.toBeFocused();
  await expect(page.locator('.status-tab-hint')).toHaveCount(0);
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  const after = await readFile(file, 'utf8');
  expect(after).not.toBe(before);
  expect(after.replace(/^[\t ]+- item/m, '- item')).toBe(before);
});

test('a closing tag typed by hand steps over the auto-inserted one, in HTML and Markdown', async ({
  page,
  site,
}) => {
  const file = await openPost(page, site, 'closing.md', 'title: "Closing"\n', 'start\n');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('<p>hello</p> after');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe('---\ntitle: "Closing"\n---\nstart\n<p>hello</p> after');

  await page.getByLabel('Body mode').selectOption('html');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('<em>x</em>!');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(
    '---\ntitle: "Closing"\n---\nstart\n<p>hello</p> after<em>x</em>!',
  );

  // An element left open on disk: typing `</` completes `</section>`, the rest typed by habit is typed over.
  const open = await openPost(page, site, 'open-section.html', 'title: "Open section"\n', '<section>\n');
  await page.locator('.cm-content').click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('</section>');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(open, 'utf8')).toBe('---\ntitle: "Open section"\n---\n<section>\n</section>');
});

test('a comma splits tags, typed or pasted', async ({ page, site }) => {
  const file = await openPost(page, site, 'tagged.md', 'title: "Tagged"\ntags: [one]\n', 'body\n');
  const tags = page.getByLabel('tags', { exact: true });
  await tags.fill('two, three, four');
  await expect(page.getByRole('list', { name: 'tags values' }).getByRole('listitem')).toHaveText([
    /one/,
    /two/,
    /three/,
  ]);
  await expect(tags).toHaveValue('four');
  await tags.press('Enter');
  await tags.pressSequentially('five,');
  await expect(tags).toHaveValue('');
  await page.keyboard.press(`${mod}+S`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(
    '---\ntitle: "Tagged"\ntags: [one, two, three, four, five]\n---\nbody\n',
  );
});

test('the palette shows only shortcuts the page can receive', async ({ page, mode }) => {
  await page.keyboard.press(`${mod}+Shift+P`);
  const dialog = page.getByRole('dialog', { name: 'Command Palette' });
  await expect(dialog).toBeVisible();
  const option = (name: string) => dialog.getByRole('option', { name: new RegExp(`^${name}`) });
  await expect(option('Save')).toContainText('Ctrl+S');
  if (mode === 'web') {
    for (const name of ['New Post', 'Close Post', 'Next Tab', 'Previous Tab']) {
      await expect(option(name)).not.toContainText('Ctrl+');
    }
  } else {
    await expect(option('New Post')).toContainText('Ctrl+N');
  }
  await expect(option('Toggle Indent with Tab')).toContainText('off: Tab moves focus');
});
