import { escapeHtml } from '../code/highlight-code';
import { expandTemplates, restoreFragments, type Expansion } from './expand-templates';
import type { RenderHooks } from './hugo-shortcodes';
import type { TemplateContext } from './template-context';

/** Renders Markdown: `inner` null for the body itself, else the context an inner content renders with. */
export type MarkdownRender = (source: string, inner: TemplateContext | null) => string;

/** A body with its templates expanded, and how to finish HTML rendered from its source. */
export interface ExpandedBody {
  /** The Markdown to render (markers where tags rendered to HTML). */
  source: string;
  /** Puts the tags' HTML into HTML rendered from `source` (or from part of it). */
  restore(html: string): string;
  /** A key for a piece of `source` that changes whenever what its markers stand for changes. */
  key(raw: string): string;
}

const depthOf = new WeakMap<TemplateContext, number>();

/** Expands the template tags of `body` (see expandTemplates); inner content renders through `render`. */
export function expandBody(body: string, context: TemplateContext, render: MarkdownRender): ExpandedBody {
  const depth = depthOf.get(context) ?? 0;
  const deeper = (): TemplateContext => {
    const next = { ...context };
    depthOf.set(next, depth + 1);
    return next;
  };
  const hooks: RenderHooks = {
    markdown: (source) => render(source, deeper()),
    inline: (text) => {
      const flat = { ...context };
      depthOf.set(flat, 99);
      return render(escapeHtml(text), flat)
        .trim()
        .replace(/^<p>([\s\S]*)<\/p>$/, '$1');
    },
  };
  const expansion: Expansion =
    depth > 8 ? { source: body, fragments: [] } : expandTemplates(body, context, hooks, depth);
  return {
    source: expansion.source,
    restore: (html) => restoreFragments(html, expansion.fragments),
    key: (raw) => (expansion.fragments.length === 0 ? raw : restoreFragments(raw, expansion.fragments)),
  };
}

/** Renders `body` with its template tags (Hugo shortcodes, Liquid/Nunjucks) expanded. NOT sanitised. */
export function renderWithTemplates(body: string, context: TemplateContext, render: MarkdownRender): string {
  const expanded = expandBody(body, context, render);
  return expanded.restore(render(expanded.source, null));
}
