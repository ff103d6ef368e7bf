import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';
import { electronBinary } from './support/browsers';

const repoRoot = path.resolve(__dirname, '..', '..');

// Crash recovery is about killing the host process and starting it again on the same profile,
// which the shared fixture (one process per test) cannot do: this spec starts its own processes,
// per mode: the web host + a page of the fixture's Chromium, or the Electron app.
interface Running {
  page: Page;
  kill(): Promise<void>;
}

async function startWeb(
  site: string,
  profile: string,
  browser: import('@playwright/test').Browser,
): Promise<Running> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'out', 'web', 'postdesk-web.cjs'),
      '--site',
      site,
      '--port',
      '0',
      '--user-data-dir',
      profile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('http://'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`postdesk-web exited with ${code}: ${output}`)));
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      await context.close();
    },
  };
}

async function startElectron(site: string, profile: string): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      path.join(repoRoot, 'out', 'electron', 'main.cjs'),
      '--site',
      site,
      '--user-data-dir',
      profile,
    ],
  });
  const page = await app.firstWindow();
  return {
    page,
    async kill() {
      const child = app.process();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

test('unsaved typing is backed up, survives a killed process and is offered back with its changes', async ({
  mode,
  site,
  webBrowser,
}, testInfo) => {
  if (mode === 'electron') {
    const binary = electronBinary();
    testInfo.skip('missing' in binary, `electron project: ${'missing' in binary ? binary.missing : ''}`);
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'postdesk-profile-'));
  const start = (): Promise<Running> =>
    mode === 'web' ? startWeb(site, profile, webBrowser!) : startElectron(site, profile);
  const file = path.join(site, 'content', 'posts', 'second-post.md');
  const onDisk = await readFile(file, 'utf8');
  try {
    const first = await start();
    await expect(first.page.locator('.app[data-ready="true"]')).toBeVisible();
    await first.page
      .getByRole('listbox', { name: 'Posts' })
      .getByRole('option', { name: /Second Post/ })
      .click();
    await first.page.locator('.cm-content').click();
    await first.page.keyboard.press('Control+End');
    await first.page.keyboard.type('Words only in memory.');
    await expect(first.page.getByRole('status')).toHaveText('Unsaved changes');
    const backups = path.join(profile, 'backups');
    await expect
      .poll(
        async () => (await readdir(backups).catch(() => [])).filter((name) => name.endsWith('.json')).length,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    await first.kill();
    expect(await readFile(file, 'utf8')).toBe(onDisk);

    const second = await start();
    const offer = second.page.getByRole('dialog', { name: 'Restore unsaved changes?' });
    await expect(offer).toBeVisible();
    await expect(offer.getByLabel('Changes against the file on disk')).toContainText('+ ');
    await expect(offer.getByLabel('Changes against the file on disk')).toContainText('Words only in memory.');
    await offer.getByRole('button', { name: 'Restore content/posts/second-post.md' }).click();
    await expect(offer).toBeHidden();
    await expect(second.page.locator('.cm-content')).toContainText('Words only in memory.');
    await expect(second.page.getByRole('status')).toHaveText('Unsaved changes');
    expect(await readFile(file, 'utf8')).toBe(onDisk);

    await second.page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
    await expect(second.page.getByRole('status')).toHaveText('Saved');
    expect(await readFile(file, 'utf8')).toContain('Words only in memory.');
    await expect
      .poll(async () => (await readdir(backups)).filter((name) => name.endsWith('.json')).length)
      .toBe(0);
    await second.kill();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
