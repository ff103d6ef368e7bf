import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// Screenshot comparisons of the main views, light and dark, at 1280x720 and 1440x900, against the
// committed baselines in visual.spec.ts-snapshots/ (web host in Debian Chromium, bundled fonts, so
// they hold on every machine of this kind). The tolerance lets anti-aliasing through and catches
// overlap and clipping: a badge drawn over a title, a pane cut off, a line pushed out of place.
// `node build/readme-screenshots.mjs` regenerates them and copies two into docs/ for the README.

const sizes = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;
const themes = ['light', 'dark'] as const;
const tolerance = { maxDiffPixelRatio: 0.002, threshold: 0.2 } as const;

async function showTheme(page: Page, theme: (typeof themes)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function openFirstPost(page: Page): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Posts' })
    .getByRole('option', { name: /First Post/ })
    .click();
  await expect(page.locator('.cm-content')).toContainText('The first fixture post');
  await expect(page.frameLocator('iframe[title="Preview"]').locator('img')).toHaveCount(1);
  // Wait for the bundled fonts, so no frame is taken with a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The focus ring is part of the design, but not of these pictures: start with nothing focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test.beforeEach(({ mode }) => {
  test.skip(mode !== 'web', 'the baselines are of the browser-mode host in Debian Chromium');
});

for (const size of sizes) {
  test(`the main view with a post open at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openFirstPost(page);
    for (const theme of themes) {
      await showTheme(page, theme);
      await expect(page).toHaveScreenshot(`main-${size.width}x${size.height}-${theme}.png`, tolerance);
    }
  });
}

test('the command palette over the main view at 1280x720', async ({ page }) => {
  await page.setViewportSize(sizes[0]);
  await openFirstPost(page);
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+P' : 'Control+Shift+P');
  await page.keyboard.type('theme');
  await expect(page.getByRole('dialog', { name: 'Command Palette' }).getByRole('option')).not.toHaveCount(0);
  for (const theme of themes) {
    await showTheme(page, theme);
    await expect(page).toHaveScreenshot(`palette-1280x720-${theme}.png`, tolerance);
  }
});
