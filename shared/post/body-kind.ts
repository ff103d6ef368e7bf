import type { BodyKind } from '../api';

const htmlBlockStart =
  /^<(p|div|img|h[1-6]|figure|section|article|table|ul|ol|blockquote|iframe|span|a|br|hr|!--)[\s>/]/i;

/**
 * Guesses whether a body is Markdown or raw HTML: `.html`/`.htm` files are HTML, and so is a
 * Markdown-named file whose first non-blank line opens an HTML block and whose lines are mostly tags.
 */
export function detectBodyKind(fileName: string, body: string): BodyKind {
  if (/\.html?$/i.test(fileName)) return 'html';
  if (/\.mdx$/i.test(fileName)) return 'markdown';
  const lines = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0 || !htmlBlockStart.test(lines[0] ?? '')) return 'markdown';
  const tagLines = lines.filter((line) => line.startsWith('<')).length;
  return tagLines * 2 >= lines.length ? 'html' : 'markdown';
}
