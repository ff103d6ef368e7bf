// The preview's Markdown render, in a Web Worker (marked is super-linear on some text: it must
// never hold the page). It answers each block's HTML (NOT sanitised: the page sanitises, since a
// worker has no DOM), caching blocks by their source.
import type { BodyKind } from '../../../shared/api';
import { renderBody } from '../../../shared/render/render-body';
import { renderedBlocks, type RenderedBody } from './rendered-body';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<{ body: string; kind: BodyKind }>) => void) | null;
  postMessage(message: RenderedBody): void;
};
const cache = new Map<string, string>();

scope.onmessage = (event) => {
  const { body, kind } = event.data;
  const rendered = kind === 'markdown' ? renderedBlocks(body, cache) : null;
  scope.postMessage(rendered ?? { whole: renderBody(body, kind, { lineMarkers: true }) });
};
