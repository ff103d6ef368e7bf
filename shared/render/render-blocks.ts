import type { Marked, Token, TokensList } from 'marked';
import { createMarked, renderBody } from './render-body';
import { expandBody } from './shortcodes/render-with-templates';
import type { TemplateContext } from './shortcodes/template-context';

const markdown = createMarked();
const mathMarkdown = createMarked(true);

/** One top-level block of a Markdown body: its source, the body line it starts on, and its HTML on demand. */
export interface MarkdownBlock {
  /** The block's source text (with the blank lines after it), the same for the same block. */
  raw: string;
  /** The 1-based body line the block starts on. */
  line: number;
  /** Renders the block alone (NOT sanitised). */
  render(): string;
}

const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/** True when every element an HTML fragment opens it also closes (comments aside). */
export function isBalancedHtml(html: string): boolean {
  const counts = new Map<string, number>();
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(text); match; match = tagPattern.exec(text)) {
    const name = (match[2] ?? '').toLowerCase();
    if (voidElements.has(name) || match[3] === '/') continue;
    counts.set(name, (counts.get(name) ?? 0) + (match[1] === '/' ? -1 : 1));
  }
  for (const count of counts.values()) if (count !== 0) return false;
  return true;
}

/**
 * Splits a Markdown body into its top-level blocks (marked's lexer, GFM), each renderable alone,
 * so that a preview can re-render only the blocks an edit changed. Answers null when the body has
 * an HTML block that opens an element another block closes (`<div>` ... `</div>` around Markdown):
 * such a body must be rendered whole.
 */
export function markdownBlocks(
  body: string,
  templates?: TemplateContext,
): { blocks: MarkdownBlock[]; linksKey: string } | null {
  const expanded = templates
    ? expandBody(body, templates, (source, inner) =>
        renderBody(source, 'markdown', inner ? { templates: inner } : {}),
      )
    : null;
  const md = templates?.site.math ? mathMarkdown : markdown;
  const tokens = md.lexer(expanded?.source ?? body);
  const blocks: MarkdownBlock[] = [];
  let line = 1;
  for (const token of tokens) {
    const start = line;
    line += countLineBreaks(token.raw);
    if (token.type === 'space') {
      const previous = blocks[blocks.length - 1];
      if (previous) previous.raw += token.raw;
      continue;
    }
    if (token.type === 'html' && !isBalancedHtml(token.raw)) return null;
    if (!expanded)
      blocks.push({ raw: token.raw, line: start, render: () => renderToken(md, token, tokens.links) });
    else
      blocks.push({
        raw: expanded.key(token.raw),
        line: start,
        render: () => expanded.restore(renderToken(md, token, tokens.links)),
      });
  }
  return { blocks, linksKey: JSON.stringify(tokens.links) };
}

function renderToken(md: Marked, token: Token, links: TokensList['links']): string {
  const list = [token] as TokensList;
  list.links = links;
  return md.parser(list);
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
