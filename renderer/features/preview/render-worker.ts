// The preview's Markdown render, in a Web Worker (marked is super-linear on some text: it must
// never hold the page). It answers each block's HTML (NOT sanitised: the page sanitises, since a
// worker has no DOM), caching blocks by their source.
import { renderBody } from '../../../shared/render/render-body';
import type { TemplateContext } from '../../../shared/render/shortcodes/template-context';
import { renderedBlocks, type RenderedBody, type RenderRequest } from './rendered-body';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: RenderedBody): void;
};
const cache = new Map<string, string>();
// Blocks are cached by their source: a new version of what templates resolve against empties the
// cache (the page numbers each context and sends it only when the number changes).
let templatesVersion = 0;
let templates: TemplateContext | undefined;

scope.onmessage = (event) => {
  const { body, kind } = event.data;
  if (event.data.templatesVersion !== templatesVersion) {
    cache.clear();
    templatesVersion = event.data.templatesVersion;
    templates = templatesVersion === 0 ? undefined : event.data.templates;
  }
  const rendered = kind === 'markdown' ? renderedBlocks(body, cache, templates) : null;
  scope.postMessage(rendered ?? { whole: renderBody(body, kind, { lineMarkers: true, templates }) });
};
