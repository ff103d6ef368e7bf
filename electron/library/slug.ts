/**
 * Turns a title into a file-name slug: lower case ASCII letters, digits and single hyphens
 * ("Héllo, World: Part 2" -> "hello-world-part-2"), at most 80 characters, "untitled" when empty.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : 'untitled';
}

/**
 * Cleans a name the user typed for a file (keeps letters of any script, digits, `-`, `_` and `.`;
 * spaces become hyphens); answers null when nothing usable is left.
 */
export function cleanFileStem(name: string): string | null {
  const stem = name
    .trim()
    .replace(/\.(md|mdx|markdown|mdown|html?)$/i, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}._-]+/gu, '')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
  return stem.length > 0 ? stem : null;
}
