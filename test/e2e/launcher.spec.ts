// The README's first command, `npm start`, on a machine where Electron's binary is missing (as on
// this project's CI): the launcher says so at once and starts the browser mode on the site instead,
// and `--help` prints the options without building or starting anything. The binary is made missing
// on every machine with Electron's own ELECTRON_OVERRIDE_DIST_PATH pointing at an empty folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const repoRoot = path.resolve(__dirname, '..', '..');
const launcher = path.join(repoRoot, 'build', 'launch.mjs');

test.beforeEach(({ mode }) => {
  test.skip(mode !== 'web', 'the launcher starts its own host: tested once, in the web project');
});

test('--help prints the options of npm start and npm run web and starts nothing', () => {
  for (const mode of ['desktop', 'web']) {
    const run = spawnSync(process.execPath, [launcher, mode, '--help'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('npm start [-- options]');
    expect(run.stdout).toContain('npm run web [-- options]');
    expect(run.stdout).toContain('--site <folder>');
    expect(run.stdout).toContain('--port <n>');
    expect(run.stdout).not.toContain('[postdesk] build');
    expect(run.stdout).not.toContain('http://');
  }
});

test('npm start without the Electron binary says so and serves the browser mode', async ({
  site,
  webBrowser,
}) => {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'postdesk-no-electron-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'postdesk-profile-'));
  const child = spawn(
    process.execPath,
    [launcher, 'desktop', '--site', site, '--port', '0', '--user-data-dir', profile],
    {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the launcher printed no address:\n${output}`)),
        45_000,
      );
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.startsWith('http://127.0.0.1:'));
        if (line) {
          clearTimeout(timer);
          resolve(line.trim());
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the launcher exited with ${code}:\n${output}`)));
    });
    expect(output).toContain("The desktop app needs Electron's binary, which is not installed here");
    expect(output).toContain('Starting the browser mode instead');
    expect(output).toContain(`Postdesk is serving ${site}`);
    const page = await webBrowser!.newPage();
    await page.goto(url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await expect(
      page.getByRole('listbox', { name: 'Posts' }).getByText('First Post: a Hugo fixture'),
    ).toBeVisible();
    await page.close();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(empty, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
});
