// The writer's tools under the editor: the outline lists the post's headings (not the ones inside
// code), a click puts the caret on the heading, the current section follows the caret; the SEO panel
// measures the title and description and warns in plain words, following front matter edits.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('the outline lists headings, jumps to them and follows the caret', async ({ page, site }) => {
  const filler = Array.from({ length: 60 }, (_, index) => `Paragraph ${index + 1}.`).join('\n\n');
  await writeFile(
    path.join(site, 'content', 'posts', 'outlined.md'),
    `---\ntitle: "Outlined"\n---\n# Start\n\n${filler}\n\n## Middle part\n\n\`\`\`sh\n# not a heading\n\`\`\`\n\n${filler}\n\n## The end\n\nDone.\n`,
  );
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: 'Outlined' }).click();
  const outline = page.getByRole('list', { name: 'Outline' });
  await expect(outline.getByRole('button')).toHaveText(['Start', 'Middle part', 'The end']);
  await outline.getByRole('button', { name: 'The end' }).click();
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.locator('.status-caret')).toHaveText('249:1');
  await expect(outline.getByRole('button', { name: 'The end' })).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press(`${mod}+Home`);
  await expect(outline.getByRole('button', { name: 'Start' })).toHaveAttribute('aria-current', 'location');
  await page.keyboard.type('## Added first\n\n');
  await expect(outline.getByRole('button')).toHaveText(['Added first', 'Start', 'Middle part', 'The end']);
});

test('the SEO panel measures title and description and names what to improve', async ({ page, site }) => {
  await writeFile(
    path.join(site, 'content', 'posts', 'seo.md'),
    '---\ntitle: "Short"\nslug: "Seo_Post"\n---\nText ![](/images/x.png)\n',
  );
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: 'Short' }).click();
  await page.getByText('SEO', { exact: true }).click();
  const panel = page.locator('.seo-panel');
  await expect(panel.locator('.seo-length').first()).toHaveText(
    'Title 5 characters (aim for 50–60): could be longer',
  );
  const warnings = page.getByRole('list', { name: 'SEO warnings' }).getByRole('listitem');
  await expect(warnings).toHaveText([
    'The post has no description: search results will show text picked from the page.',
    'The slug has capital letters: URLs are usually all lower case.',
    'One image has no alt text: screen readers and search engines cannot tell what it shows.',
  ]);
  await page
    .getByLabel('title', { exact: true })
    .fill('A title long enough to fit the range writers aim for');
  await expect(panel.locator('.seo-length').first()).toHaveText('Title 52 characters (aim for 50–60): good');
  await expect(page.getByRole('figure', { name: 'Search result preview' })).toContainText(
    'A title long enough to fit the range writers aim for',
  );
});
