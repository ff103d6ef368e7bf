import type { BodyKind } from '../../../shared/api';
import { markdownBlocks } from '../../../shared/render/render-blocks';
import { lineMarkerAttribute, renderBody } from '../../../shared/render/render-body';
import type { TemplateContext } from '../../../shared/render/shortcodes/template-context';

/**
 * What the preview asks its render worker: the body, its kind, and what its templates resolve
 * against (plain data) by version: `templates` is sent only when the version changed since the
 * worker last received one, and the worker keeps using the context it has otherwise.
 */
export interface RenderRequest {
  body: string;
  kind: BodyKind;
  templatesVersion: number;
  templates?: TemplateContext | undefined;
}

/** A body rendered ahead of patching: Markdown block by block, or whole (raw HTML, wrapped blocks). NOT sanitised. */
export type RenderedBody =
  { blocks: { raw: string; line: number; html: string }[]; linksKey: string } | { whole: string };

/**
 * Renders a Markdown body block by block (the HTML of a block whose source is in `cache` is
 * reused; the cache keeps only this body's blocks), or null when it must be rendered whole.
 */
export function renderedBlocks(
  body: string,
  cache: Map<string, string>,
  templates?: TemplateContext,
): RenderedBody | null {
  const split = markdownBlocks(body, templates);
  if (split === null) return null;
  const keyed = new Map<string, string>();
  const blocks = split.blocks.map((block) => {
    const key = `${split.linksKey}\u0000${block.raw}`;
    const html = cache.get(key) ?? keyed.get(key) ?? block.render();
    keyed.set(key, html);
    return { raw: block.raw, line: block.line, html };
  });
  cache.clear();
  for (const [key, html] of keyed) cache.set(key, html);
  return { blocks, linksKey: split.linksKey };
}

/** Renders a body in place (where no worker runs), in the same shape as the worker answers. */
export function renderInPlace(body: string, kind: BodyKind, templates?: TemplateContext): RenderedBody {
  return (
    (kind === 'markdown' ? renderedBlocks(body, new Map(), templates) : null) ?? {
      whole: renderBody(body, kind, { lineMarkers: true, templates }),
    }
  );
}

/** The whole HTML of a block-rendered body, with a line marker before each block (as renderBody's lineMarkers). */
export function wholeHtml(rendered: Extract<RenderedBody, { blocks: unknown }>): string {
  return rendered.blocks
    .map((block) => `<span ${lineMarkerAttribute}="${block.line}"></span>${block.html}`)
    .join('');
}
