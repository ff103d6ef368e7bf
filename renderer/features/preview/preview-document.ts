import morphdom from 'morphdom';
import type { BodyKind } from '../../../shared/api';
import { markdownBlocks, type MarkdownBlock } from '../../../shared/render/render-blocks';
import { lineMarkerAttribute, renderBody } from '../../../shared/render/render-body';
import type { TemplateContext } from '../../../shared/render/shortcodes/template-context';
import { mathStyles, placeholderStyles } from './code-styles';
import { wholeHtml, type RenderedBody } from './rendered-body';
import { sanitizeToFragment, type UrlRewriter } from './sanitize-html';
import type { ScrollPosition } from './scroll-sync';

// Only the asset route of the page's own host (never 'self', which would let a post's CSS reach
// /api/ and hold the browser's few connections), the desktop's asset protocol, data: and blob:.
const assetSource = `${globalThis.location?.origin ?? 'app://postdesk'}/asset/`;
const previewCsp = [
  "default-src 'none'",
  `img-src ${assetSource} data: blob: postdesk-asset:`,
  `style-src ${assetSource} 'unsafe-inline' postdesk-asset:`,
  `font-src ${assetSource} data: postdesk-asset:`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The preview frame's own document: a strict CSP, default styles, and a slot for the site stylesheet. */
export const previewShell = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${previewCsp}"><meta name="referrer" content="no-referrer"><style>
body{font:16px/1.6 Georgia,serif;margin:1.5rem 2rem;color:#222;max-width:46rem}
img{max-width:100%;height:auto}.alignright{float:right;margin:0 0 1rem 1rem}.alignleft{float:left;margin:0 1rem 1rem 0}
pre{background:#f4f4f4;padding:.75rem;overflow:auto}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#555}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem}
.pd-mdx-component{display:block;border:1px dashed #8a8fb8;border-radius:4px;padding:0 .75rem;margin:1rem 0}span.pd-mdx-component{display:inline;padding:0 .25rem;margin:0}.pd-mdx-label{display:block;font:12px/1.8 monospace;color:#4a4f7a}span.pd-mdx-label{display:inline;margin-right:.25rem}
${placeholderStyles}${mathStyles}</style><style id="postdesk-code-style"></style><link rel="stylesheet" id="postdesk-site-style"></head><body></body></html>`;

interface PreviewBlock {
  key: string;
  marker: Element;
  nodes: ChildNode[];
}

interface BlockState {
  blocks: PreviewBlock[];
  linksKey: string;
  rewrite: UrlRewriter;
  templates: TemplateContext | undefined;
}

const blockStates = new WeakMap<Document, BlockState>();

/**
 * Renders `body` (marked for Markdown) and sanitises it into the preview document, changing only
 * what changed: Markdown bodies block by block (a block whose source is unchanged keeps its nodes,
 * so loaded images and the scroll position stay, and only edited blocks are rendered and
 * sanitised again); raw-HTML bodies, and Markdown whose HTML blocks wrap other blocks, whole,
 * patched with morphdom. The sanitiser parses in an inert document of its own, never in the app page.
 */
export function patchPreview(
  document: Document,
  body: string,
  kind: BodyKind,
  rewriteImage: UrlRewriter,
  rendered?: RenderedBody,
  templates?: TemplateContext,
): void {
  const split = rendered
    ? 'blocks' in rendered
      ? {
          blocks: rendered.blocks.map((block) => ({
            raw: block.raw,
            line: block.line,
            render: () => block.html,
          })),
          linksKey: rendered.linksKey,
        }
      : null
    : kind === 'markdown'
      ? markdownBlocks(body, templates)
      : null;
  if (split === null) {
    blockStates.delete(document);
    const html =
      rendered && 'whole' in rendered
        ? rendered.whole
        : renderBody(body, kind, { lineMarkers: true, templates });
    patchWhole(document, html, rewriteImage);
    return;
  }
  let state = blockStates.get(document);
  if (
    !state ||
    state.linksKey !== split.linksKey ||
    state.rewrite !== rewriteImage ||
    state.templates !== templates
  ) {
    state = { blocks: [], linksKey: split.linksKey, rewrite: rewriteImage, templates };
    blockStates.set(document, state);
    document.body.replaceChildren();
  }
  const fresh = (): string =>
    rendered && 'blocks' in rendered
      ? wholeHtml(rendered)
      : renderBody(body, 'markdown', { lineMarkers: true, templates });
  if (state.blocks.length === 0 && fillFresh(document, fresh, split.blocks, state, rewriteImage)) return;
  const unused = new Map<string, PreviewBlock[]>();
  for (const block of state.blocks) {
    const queue = unused.get(block.key);
    if (queue) queue.push(block);
    else unused.set(block.key, [block]);
  }
  const keys = blockKeys(split.blocks);
  const next: PreviewBlock[] = [];
  for (const [index, block] of split.blocks.entries()) {
    const key = keys[index]!;
    const line = String(block.line);
    const reused = unused.get(key)?.shift();
    if (reused) {
      if (reused.marker.getAttribute(lineMarkerAttribute) !== line) {
        reused.marker.setAttribute(lineMarkerAttribute, line);
      }
      next.push(reused);
      continue;
    }
    const fragment = sanitizeToFragment(block.render(), rewriteImage);
    const marker = document.createElement('span');
    marker.setAttribute(lineMarkerAttribute, line);
    next.push({ key, marker, nodes: [...fragment.childNodes] });
  }
  for (const queue of unused.values()) {
    for (const block of queue) {
      block.marker.remove();
      for (const node of block.nodes) node.remove();
    }
  }
  const parent = document.body;
  let cursor: ChildNode | null = parent.firstChild;
  for (const block of next) {
    if (block.marker === cursor) {
      cursor = (block.nodes[block.nodes.length - 1] ?? block.marker).nextSibling;
      continue;
    }
    parent.insertBefore(block.marker, cursor);
    for (const node of block.nodes) parent.insertBefore(node, cursor);
  }
  while (cursor) {
    const stray: ChildNode = cursor;
    cursor = cursor.nextSibling;
    stray.remove();
  }
  state.blocks = next;
}

/** Keys that tell blocks apart: the source, and which occurrence of that source it is. */
function blockKeys(blocks: MarkdownBlock[]): string[] {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    const occurrence = seen.get(block.raw) ?? 0;
    seen.set(block.raw, occurrence + 1);
    return occurrence === 0 ? block.raw : `${block.raw}\u0000${occurrence}`;
  });
}

/**
 * The first render of a Markdown body: rendered and sanitised whole (one sanitiser pass is much
 * cheaper than one per block), then cut into blocks at the top-level line markers. Answers false,
 * touching nothing, when the markers do not come out one per block.
 */
function fillFresh(
  document: Document,
  html: () => string,
  blocks: MarkdownBlock[],
  state: BlockState,
  rewriteImage: UrlRewriter,
): boolean {
  const fragment = sanitizeToFragment(html(), rewriteImage);
  const keys = blockKeys(blocks);
  const built: PreviewBlock[] = [];
  for (const node of [...fragment.childNodes]) {
    if (node.nodeType === 1 && (node as Element).hasAttribute(lineMarkerAttribute)) {
      built.push({ key: keys[built.length] ?? '', marker: node as Element, nodes: [] });
    } else if (built.length > 0) built[built.length - 1]!.nodes.push(node);
  }
  if (built.length !== blocks.length) return false;
  document.body.replaceChildren(fragment);
  state.blocks = built;
  return true;
}

function patchWhole(document: Document, html: string, rewriteImage: UrlRewriter): void {
  const next = document.createElement('body');
  next.appendChild(sanitizeToFragment(html, rewriteImage));
  morphdom(document.body, next, {
    childrenOnly: true,
    onBeforeElUpdated: (from, to) => !from.isEqualNode(to),
  });
}

/** Puts the code highlighting stylesheet into the preview document (text: it comes from Postdesk, never from the site). */
export function setPreviewCodeStyle(document: Document, css: string): void {
  const style = document.getElementById('postdesk-code-style');
  if (style && style.textContent !== css) style.textContent = css;
}

/** Points the preview's site stylesheet slot at `url` (or empties it). */
export function setPreviewStylesheet(document: Document, url: string | null): void {
  const link = document.getElementById('postdesk-site-style');
  if (!link) return;
  if (url === null) link.removeAttribute('href');
  else if (link.getAttribute('href') !== url) link.setAttribute('href', url);
}

interface Marker {
  line: number;
  top: number;
}

function markers(document: Document): Marker[] {
  const scrollY = document.defaultView?.scrollY ?? 0;
  const found: Marker[] = [];
  for (const element of document.body.querySelectorAll(`[${lineMarkerAttribute}]`)) {
    const line = Number(element.getAttribute(lineMarkerAttribute));
    const top = element.getBoundingClientRect().top + scrollY;
    if (Number.isFinite(line) && (found.length === 0 || line > found[found.length - 1]!.line)) {
      found.push({ line, top });
    }
  }
  return found;
}

/** Where the preview is scrolled, as a body line (from the line markers) and a fraction. */
export function previewScrollPosition(document: Document): ScrollPosition {
  const view = document.defaultView;
  const y = view?.scrollY ?? 0;
  const max = document.documentElement.scrollHeight - (view?.innerHeight ?? 0);
  const fraction = max > 0 ? y / max : 0;
  const found = markers(document);
  let line = 0;
  for (let index = 0; index < found.length; index++) {
    const here = found[index]!;
    const next = found[index + 1];
    if (y < here.top) break;
    line = here.line;
    if (next && y < next.top) line += ((y - here.top) / (next.top - here.top)) * (next.line - here.line);
  }
  return { line, fraction };
}

/** Scrolls the preview to a position published by the editor. */
export function scrollPreviewTo(document: Document, position: ScrollPosition): void {
  const view = document.defaultView;
  if (!view) return;
  const found = markers(document);
  if (found.length < 2 || position.line <= 0) {
    const max = document.documentElement.scrollHeight - view.innerHeight;
    view.scrollTo(0, position.fraction * Math.max(0, max));
    return;
  }
  let y = 0;
  for (let index = 0; index < found.length; index++) {
    const here = found[index]!;
    const next = found[index + 1];
    if (position.line < here.line) break;
    y = here.top;
    if (next && position.line < next.line) {
      y += ((position.line - here.line) / (next.line - here.line)) * (next.top - here.top);
    } else if (!next) y = here.top;
  }
  view.scrollTo(0, Math.max(0, y - 8));
}
