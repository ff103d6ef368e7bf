import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, _electron, type Browser, type Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { startWebHostProcess, type WebHostProcess } from '../../support/web-host-process';
import { chromiumFlags, electronBinary, systemChromium } from './browsers';

/** How the specs reach Postdesk: the browser-mode host in Chromium, or the Electron app. */
export type Mode = 'web' | 'electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'sites');

interface Fixtures {
  /** Name of the folder under test/fixtures/sites (or `real/<name>`) copied fresh for each test. */
  siteFixture: string;
  /** The absolute path of this test's copy of the fixture site. */
  site: string;
  /** The Postdesk window, ready (the site opened and its posts listed). */
  page: Page;
}

interface WorkerFixtures {
  mode: Mode;
  webBrowser: Browser | null;
}

/**
 * The one fixture every spec uses: a fresh copy of a fixture site per test, and Postdesk opened
 * on it either through the web host + Chromium or through Electron (`_electron.launch`). The
 * electron project skips, saying why, where the Electron binary is not installed.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  mode: ['web', { option: true, scope: 'worker' }],
  siteFixture: ['hugo-basic', { option: true }],

  webBrowser: [
    async ({ mode }, use) => {
      if (mode !== 'web') return use(null);
      const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumFlags });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  site: async ({ siteFixture }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-site-'));
    const site = path.join(dir, path.basename(siteFixture));
    // `real/<name>` names a fixture under test/fixtures/real/ (shaped like a real public site).
    const source = siteFixture.startsWith('real/')
      ? path.join(fixturesDir, '..', siteFixture)
      : path.join(fixturesDir, siteFixture);
    await cp(source, site, { recursive: true });
    await use(site);
    await rm(dir, { recursive: true, force: true });
  },

  page: async ({ mode, site, webBrowser }, use, testInfo) => {
    if (mode === 'electron') {
      const binary = electronBinary();
      testInfo.skip('missing' in binary, `electron project: ${'missing' in binary ? binary.missing : ''}`);
      const profile = await mkdtemp(path.join(os.tmpdir(), 'postdesk-profile-'));
      const app = await _electron.launch({
        args: [
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          path.join(repoRoot, 'out', 'electron', 'main.cjs'),
          '--site',
          site,
          '--user-data-dir',
          profile,
        ],
      });
      const window = await app.firstWindow();
      await expect(window.locator('.app[data-ready="true"]')).toBeVisible();
      await use(window);
      await app.close();
      await rm(profile, { recursive: true, force: true });
      return;
    }
    // A profile folder per test, so crash-recovery backups never land in the user's own profile.
    const profile = await mkdtemp(path.join(os.tmpdir(), 'postdesk-profile-'));
    const host = await startWebHost(site, profile);
    const context = await webBrowser!.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await use(page);
    await context.close();
    await host.stop();
    await rm(profile, { recursive: true, force: true });
  },
});

export { expect };

/**
 * Starts `postdesk-web` on a site (a free port), with its own user-data folder when one is given,
 * and answers its printed address.
 */
export function startWebHost(site: string, userDataDir?: string): Promise<WebHostProcess> {
  return startWebHostProcess(repoRoot, site, userDataDir);
}
