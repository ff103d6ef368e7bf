import { Marked, type Token, type TokensList } from 'marked';
import type { BodyKind } from '../api';
import { alertsExtension } from './alerts';
import { highlightCode } from './code/highlight-code';
import { mathExtension } from './math/render-math';
import { renderWithTemplates } from './shortcodes/render-with-templates';
import type { TemplateContext } from './shortcodes/template-context';
import { boundMarkdownNesting } from './markdown-guard';

/** A marked instance set up as every preview renders: GFM, synchronous, task list boxes as characters, alerts as callouts. */
export function createMarked(math = false): Marked {
  const marked = new Marked({
    gfm: true,
    async: false,
    // Task list boxes as characters: the preview's sanitiser drops every input element.
    renderer: {
      checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
      code: ({ text, lang }) => highlightCode(text, lang),
    },
  }).use(alertsExtension());
  return math ? marked.use(mathExtension()) : marked;
}

const markdown = createMarked();
const mathMarkdown = createMarked(true);

/** The attribute of the empty markers that tell the preview which body line a block starts on. */
export const lineMarkerAttribute = 'data-pd-line';

/** Options of renderBody. */
export interface RenderOptions {
  /**
   * Put an empty `<span data-pd-line="N">` before each top-level Markdown block, N being the
   * 1-based body line it starts on (for scroll sync). Raw-HTML bodies get none.
   */
  lineMarkers?: boolean;
  /** Expand the body's shortcodes and Liquid/Nunjucks tags with what this post and site know. */
  templates?: TemplateContext;
  /** Render `$...$`, `$$...$$`, `\\(...\\)` math with KaTeX. */
  math?: boolean;
}

/**
 * Turns a post body into preview HTML: Markdown through marked (GFM, HTML blocks kept), raw-HTML
 * bodies as they are. The result is NOT safe to show: it must pass the sanitiser first.
 */
export function renderBody(body: string, kind: BodyKind, options: RenderOptions = {}): string {
  if (options.templates) {
    const { templates, ...rest } = options;
    return renderWithTemplates(body, templates, (source, inner) =>
      inner
        ? renderBody(source, 'markdown', { templates: inner })
        : renderBody(source, kind, { ...rest, math: templates.site.math }),
    );
  }
  if (kind === 'html') return body;
  try {
    return renderMarkdown(boundMarkdownNesting(body), options.math ? mathMarkdown : markdown, options);
  } catch (error) {
    return unrenderable(body, error);
  }
}

/**
 * What the preview shows for Markdown that marked cannot render (its stack overflowed, or it threw):
 * a notice and the text as it is, never a blank page.
 */
export function unrenderable(text: string, error: unknown): string {
  const reason = error instanceof RangeError ? 'it nests too deeply' : 'the Markdown renderer failed';
  return `<p><strong>The preview cannot render this text (${reason}); it is shown as written.</strong></p><pre>${escapeHtml(text)}</pre>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function renderMarkdown(bounded: string, md: Marked, options: RenderOptions): string {
  if (!options.lineMarkers) return md.parse(bounded) as string;
  const tokens = md.lexer(bounded);
  const marked: Token[] = [];
  let line = 1;
  for (const token of tokens) {
    if (token.type !== 'space') {
      marked.push({
        type: 'html',
        block: true,
        pre: false,
        raw: '',
        text: `<span ${lineMarkerAttribute}="${line}"></span>`,
      });
    }
    marked.push(token);
    line += countLineBreaks(token.raw);
  }
  const list = marked as TokensList;
  list.links = tokens.links;
  return md.parser(list);
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
