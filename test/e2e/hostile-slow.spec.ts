import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

test.use({ siteFixture: 'problem-badges' });

test('a post nested 100,000 quotes deep previews (bounded) instead of a blank preview', async ({
  page,
  site,
}) => {
  // 100,000 nested quotes overflowed marked's stack (a blank preview).
  await writeFile(
    path.join(site, 'content', 'posts', 'quotes.md'),
    `---\ntitle: Quote Tower\n---\n${'>'.repeat(100_000)} deep down\n`,
  );
  const list = page.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: /Quote Tower/ }).click();
  await expect(page.getByLabel('title', { exact: true })).toHaveValue('Quote Tower');
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator('blockquote').first()).toBeVisible({ timeout: 20_000 });
  await expect(preview.locator('body')).toContainText('deep down');
  await expect(preview.locator('blockquote')).toHaveCount(16);
});
