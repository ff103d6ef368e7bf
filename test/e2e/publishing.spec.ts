import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { isolatedGitEnv } from '../support/git-sandbox';
import { expect, test } from './support/app-fixture';

// This worker's git (and the web host it starts) sees only its own HOME and global config.
const home = mkdtempSync(path.join(os.tmpdir(), 'postdesk-e2e-git-home-'));
mkdirSync(path.join(home, '.config'), { recursive: true });
const globalConfig = path.join(home, 'gitconfig');
writeFileSync(
  globalConfig,
  '[init]\n\tdefaultBranch = main\n[user]\n\tname = Test Writer\n\temail = writer@example.test\n',
);
const isolated = isolatedGitEnv(home, globalConfig);
const previousEnv = Object.fromEntries(Object.keys(isolated).map((key) => [key, process.env[key]]));
Object.assign(process.env, isolated);
test.afterAll(() => {
  for (const [key, value] of Object.entries(previousEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(home, { recursive: true, force: true });
});

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';
const post = 'content/posts/first-post.md';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
}

/** Makes the test's site a clone of a fresh bare remote (committed, upstream set) and answers the remote. */
function publishable(site: string): string {
  const bare = `${site}-remote.git`;
  git(path.dirname(site), 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  git(site, 'init', '--quiet', '--initial-branch=main');
  git(site, 'add', '--all');
  git(
    site,
    '-c',
    'user.name=Seed',
    '-c',
    'user.email=seed@example.test',
    'commit',
    '--quiet',
    '-m',
    'Initial site',
  );
  git(site, 'remote', 'add', 'origin', bare);
  git(site, 'push', '--quiet', '--set-upstream', 'origin', 'main');
  return bare;
}

/** Another writer's clone of the published repository: `change` edits its copy, which is committed and pushed. */
async function pushFromAnotherClone(
  site: string,
  bare: string,
  file: string,
  change: (text: string) => string,
  message: string,
): Promise<void> {
  const other = `${site}-other`;
  git(path.dirname(site), 'clone', '--quiet', bare, other);
  await writeFile(path.join(other, file), change(await readFile(path.join(other, file), 'utf8')));
  git(
    other,
    '-c',
    'user.name=Other',
    '-c',
    'user.email=other@example.test',
    'commit',
    '--quiet',
    '-am',
    message,
  );
  git(other, 'push', '--quiet');
}

async function openChanges(page: Page) {
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Changes' });
  await expect(panel).toBeVisible();
  return panel;
}

test('edit a post, commit it through the Changes panel and push it to the remote', async ({ page, site }) => {
  const bare = publishable(site);
  await writeFile(
    path.join(site, 'hugo.toml'),
    `${await readFile(path.join(site, 'hugo.toml'), 'utf8')}# local\n`,
  );
  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: /First Post/ }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Typed for publishing.');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');

  const panel = await openChanges(page);
  await expect(panel.getByRole('checkbox', { name: post })).toBeChecked();
  // A file outside the content and static folders is listed apart and not ticked.
  await expect(panel.getByRole('checkbox', { name: 'hugo.toml' })).not.toBeChecked();
  await expect(panel.getByLabel('Commit message')).toHaveValue('Update First Post: a Hugo fixture');
  await expect(list.getByRole('option', { name: /First Post.*\(modified\)/ })).toBeVisible();
  await expect(page.getByText('Branch main ↑0 ↓0')).toBeVisible();

  await panel.getByRole('button', { name: `Diff of ${post}` }).click();
  const diff = panel.getByRole('group', { name: `Changes of ${post}` });
  await expect(diff.locator('.compare-added, .compare-changed')).toHaveCount(1);
  await expect(diff.locator('.compare-right').filter({ hasText: 'Typed for publishing.' })).toHaveCount(1);

  await page.getByLabel('Changed', { exact: true }).check();
  await expect(list.getByRole('option')).toHaveCount(1);

  await panel.getByRole('button', { name: 'Commit', exact: true }).click();
  await expect(panel.getByText(/Committed [0-9a-f]{7}: Update First Post/)).toBeVisible();
  await expect(page.getByText('Branch main ↑1 ↓0')).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(panel.getByText('Pushed.')).toBeVisible();
  await expect(page.getByText('Branch main ↑0 ↓0')).toBeVisible();

  expect(git(bare, 'log', '--format=%s|%an', 'main')).toBe(
    'Update First Post: a Hugo fixture|Test Writer\nInitial site|Seed\n',
  );
  expect(git(bare, 'diff', '--numstat', 'main~1', 'main')).toBe(`1\t0\t${post}\n`);
  const changed = git(bare, 'diff', '-U0', 'main~1', 'main')
    .split('\n')
    .filter((line) => /^[+-](?![+-]{2} )/.test(line));
  expect(changed).toEqual(['+Typed for publishing.']);
  // The other file stayed out of the commit.
  expect(git(site, 'status', '--porcelain')).toBe(' M hugo.toml\n');
});

test('a conflicting push from another clone is pulled, resolved with "Keep mine" and pushed', async ({
  page,
  site,
}) => {
  const bare = publishable(site);
  await pushFromAnotherClone(
    site,
    bare,
    post,
    (text) => text.replace(/^title: .*$/m, 'title: "Their title"'),
    'Their title',
  );

  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  await page.getByLabel('title', { exact: true }).fill('My title');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');

  const panel = await openChanges(page);
  await expect(panel.getByLabel('Commit message')).toHaveValue('Update My title');
  await panel.getByRole('button', { name: 'Commit', exact: true }).click();
  await expect(panel.getByText(/Committed/)).toBeVisible();
  await panel.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(panel.getByText(/the push was rejected/)).toBeVisible();
  await panel.getByRole('button', { name: 'Pull first' }).click();
  await expect(panel.getByText(/1 file is in conflict/)).toBeVisible();
  await expect(panel.getByText(/A merge is in progress/)).toBeVisible();

  await panel.getByRole('button', { name: `Resolve ${post}` }).click();
  const conflict = panel.getByRole('region', { name: `Conflict in ${post}` });
  await expect(conflict.locator('.compare-left').filter({ hasText: /title: "?My title/ })).toHaveCount(1);
  await expect(conflict.locator('.compare-right').filter({ hasText: 'title: "Their title"' })).toHaveCount(1);
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await panel.getByRole('button', { name: 'Finish merge' }).click();
  await expect(panel.getByText('Finished.')).toBeVisible();
  await expect(panel.getByText(/merge is in progress/)).toHaveCount(0);
  await panel.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(panel.getByText('Pushed.')).toBeVisible();

  const published = git(bare, 'show', `main:${post}`);
  expect(published).toMatch(/^title: "?My title"?$/m);
  expect(published).not.toContain('<<<<<<<');
  const subjects = git(bare, 'log', '--format=%s', 'main');
  expect(subjects).toContain('Update My title');
  expect(subjects).toContain('Their title');
  // The editor shows the resolved file, not conflict markers.
  await expect(page.getByLabel('title', { exact: true })).toHaveValue('My title');
});

test('a pull that changes a post with unsaved edits keeps them and shows the disk conflict', async ({
  page,
  site,
}) => {
  const bare = publishable(site);
  const second = 'content/posts/second-post.md';
  await pushFromAnotherClone(site, bare, second, (text) => `${text}Their line.\n`, 'Their line');

  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Second Post/ })
    .click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('My unsaved line.');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');

  const panel = await openChanges(page);
  await expect(page.getByText('Branch main ↑0 ↓0')).toBeVisible();
  await panel.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(panel.getByText("Pulled the remote's changes.")).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'changed on disk' })).toBeVisible();
  await expect(page.locator('.cm-content')).toContainText('My unsaved line.');
  await expect(page.getByRole('status')).toHaveText('Unsaved changes');
  expect(await readFile(path.join(site, second), 'utf8')).toContain('Their line.');
  expect(await readFile(path.join(site, second), 'utf8')).not.toContain('My unsaved line.');
});

test('a folder that is no repository offers git init with a .gitignore', async ({ page, site }) => {
  const panel = await openChanges(page);
  await expect(panel.getByText('This site is not in a git repository.', { exact: false })).toBeVisible();
  await panel.getByRole('button', { name: 'Create repository' }).click();
  await expect(panel.getByRole('checkbox', { name: post })).toBeChecked();
  expect(await readFile(path.join(site, '.gitignore'), 'utf8')).toContain('public/');
  expect(git(site, 'rev-parse', '--is-inside-work-tree').trim()).toBe('true');
});

test('"Commit and push on save" (off by default) publishes each saved post', async ({ page, site }) => {
  const bare = publishable(site);
  const panel = await openChanges(page);
  const toggle = panel.getByRole('checkbox', { name: 'Commit and push on save' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /Second Post/ })
    .click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Published on save.');
  await page.keyboard.press(saveKey);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(panel.getByText(/Last save: Published [0-9a-f]{7}/)).toBeVisible();
  expect(git(bare, 'log', '-1', '--format=%s', 'main').trim()).toBe('Update Second Post');
  expect(git(bare, 'diff', '--numstat', 'main~1', 'main')).toBe('1\t0\tcontent/posts/second-post.md\n');
});
