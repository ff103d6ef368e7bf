import type { Marked, Token, TokensList } from 'marked';
import { boundMarkdownNesting } from './markdown-guard';
import { createMarked, renderBody, unrenderable } from './render-body';
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
const isNameCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45;
const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/** The fragment without its comments (`<!--` up to the next `-->`; an unclosed one is kept). */
function withoutComments(html: string): string {
  let kept = '';
  let from = 0;
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', from)) {
    const close = html.indexOf('-->', open + 4);
    if (close === -1) break;
    kept += html.slice(from, open);
    from = close + 3;
  }
  return from === 0 ? html : kept + html.slice(from);
}

/**
 * True when every element an HTML fragment opens it also closes (comments aside). One forward
 * pass over the fragment, O(length) whatever it holds.
 */
export function isBalancedHtml(html: string): boolean {
  const counts = new Map<string, number>();
  const text = withoutComments(html);
  let nextClose = -2;
  for (let open = text.indexOf('<'); open !== -1;) {
    const closing = text.charCodeAt(open + 1) === 47;
    const nameFrom = open + (closing ? 2 : 1);
    const first = text.charCodeAt(nameFrom);
    let nameTo = nameFrom;
    if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90)) {
      while (nameTo < text.length && isNameCode(text.charCodeAt(nameTo))) nameTo++;
      // A word boundary must follow the name (`\b`): give back trailing hyphens until one does.
      while (
        nameTo > nameFrom &&
        isWordCode(text.charCodeAt(nameTo - 1)) === isWordCode(text.charCodeAt(nameTo))
      ) {
        nameTo--;
      }
    }
    if (nameTo === nameFrom) {
      open = text.indexOf('<', open + 1);
      continue;
    }
    if (nextClose !== -1 && nextClose < nameTo) nextClose = text.indexOf('>', nameTo);
    // No `>` is left: no later tag can close either.
    if (nextClose === -1) break;
    const name = text.slice(nameFrom, nameTo).toLowerCase();
    const selfClosing = nextClose - 1 >= nameTo && text.charCodeAt(nextClose - 1) === 47;
    if (!voidElements.has(name) && !selfClosing) {
      counts.set(name, (counts.get(name) ?? 0) + (closing ? -1 : 1));
    }
    open = text.indexOf('<', nextClose + 1);
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
  let tokens: TokensList;
  try {
    tokens = md.lexer(boundMarkdownNesting(expanded?.source ?? body));
  } catch {
    return null;
  }
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
  try {
    return md.parser(list);
  } catch (error) {
    return unrenderable(token.raw, error);
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
