import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, startWebHost, test } from './support/app-fixture';

// The "Problems with Postdesk" view: the background failures the library logged in the user-data
// folder (here one of an earlier run, seeded in the log) are listed and copied as a report.
test('lists the logged background failures and copies a report', async ({ page, site, mode }) => {
  test.skip(mode !== 'web', 'drives its own browser-mode host with a seeded user-data folder');
  // The fixture's page shows no problems: nothing failed in its fresh profile.
  await expect(page.getByRole('button', { name: /Problems with Postdesk/ })).toHaveCount(0);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'postdesk-profile-'));
  const entry = {
    time: '2026-12-01T10:00:00.000Z',
    operation: 'watch.changed',
    postId: 'content/posts/first-post.md',
    message: 'EACCES: permission denied, open',
    code: 'EACCES',
  };
  await mkdir(path.join(profile, 'diagnostics'), { recursive: true });
  await writeFile(path.join(profile, 'diagnostics', 'diagnostics.log'), `${JSON.stringify(entry)}\n`);
  const host = await startWebHost(site, profile);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(host.url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    const dialog = page.getByRole('dialog', { name: 'Problems with Postdesk' });
    await page.getByRole('button', { name: 'Problems with Postdesk (1)' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByRole('listitem')).toContainText('watch.changed content/posts/first-post.md');
    await expect(dialog.getByRole('listitem')).toContainText('EACCES: permission denied, open');
    await dialog.getByRole('button', { name: 'Copy report' }).click();
    await expect(dialog.getByRole('status')).toHaveText('The report is on the clipboard.');
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('Postdesk problems report');
    expect(report).toContain('Host: browser');
    expect(report).toContain(path.join(profile, 'diagnostics', 'diagnostics.log'));
    expect(report).toContain(
      '2026-12-01T10:00:00.000Z  watch.changed  content/posts/first-post.md  [EACCES]  EACCES: permission denied, open',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  } finally {
    await host.stop();
    await rm(profile, { recursive: true, force: true });
  }
});
