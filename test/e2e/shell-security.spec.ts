import { methodNames } from '../../shared/api';
import { expect, test } from './support/app-fixture';

test('the page has no Node.js globals and loads nothing from outside its own origin', async ({ page }) => {
  expect(
    await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].filter(
        (name) => name in scope,
      );
    }),
  ).toEqual([]);

  const origin = new URL(page.url()).origin;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  await expect(page.frameLocator('iframe[title="Preview"]').locator('img.alignright')).toBeVisible();
  const foreign = requested.filter(
    (url) => !url.startsWith(`${origin}/`) && !/^(data|blob|about|postdesk-asset):/.test(url),
  );
  expect(requested.length).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
});

test('the desktop bridge holds only the contract; the window never navigates away or opens windows', async ({
  page,
  mode,
}) => {
  // window.postdesk, and the main process refusing navigation and new windows, exist only in the
  // desktop app: in the browser, the page is an ordinary tab of the user's browser.
  test.skip(mode !== 'electron', 'the desktop bridge and the window guards exist only in the Electron app');
  const keys = await page.evaluate(() =>
    Object.keys((window as unknown as { postdesk: object }).postdesk).sort(),
  );
  expect(keys).toEqual([...methodNames, 'on'].sort());
  const before = page.url();
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(before.startsWith('app://postdesk/')).toBe(true);
});
