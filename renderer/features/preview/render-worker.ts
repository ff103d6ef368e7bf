// The preview's Markdown render, in a Web Worker (marked is super-linear on some text: it must
// never hold the page). It answers each block's HTML (NOT sanitised: the page sanitises, since a
// worker has no DOM), caching blocks by their source.
import { renderBody } from '../../../shared/render/render-body';
import { renderedBlocks, type RenderedBody, type RenderRequest } from './rendered-body';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: RenderedBody): void;
};
const cache = new Map<string, string>();
// Blocks are cached by their source: a change of what templates resolve against empties the cache.
let templatesKey = '';

scope.onmessage = (event) => {
  const { body, kind, templates } = event.data;
  const key = templates ? JSON.stringify(templates) : '';
  if (key !== templatesKey) {
    cache.clear();
    templatesKey = key;
  }
  const rendered = kind === 'markdown' ? renderedBlocks(body, cache, templates) : null;
  scope.postMessage(rendered ?? { whole: renderBody(body, kind, { lineMarkers: true, templates }) });
};
