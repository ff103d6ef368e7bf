// The body's content checks in a Web Worker, so that no text can hold the page while it is checked.
import type { BodyKind } from '../../../shared/api';
import { checkBody } from '../../../shared/lint/check-post';
import type { Problem } from '../../../shared/lint/problem';
import { findSiteRefs, type SiteRef } from '../../../shared/lint/site-refs';

/** What the page asks the lint worker. */
export interface LintRequest {
  body: string;
  kind: BodyKind;
  staticDir: string | null;
  postId: string;
}

/** What the lint worker answers: the body's problems and the site files it refers to. */
export interface LintResult {
  problems: Problem[];
  refs: SiteRef[];
}

/** Runs the checks of a lint request (in the worker, or in place where no worker runs). */
export function lintBody(request: LintRequest): LintResult {
  return {
    problems: checkBody(request.body, request.kind),
    refs: findSiteRefs(request.body, request.kind === 'markdown', request.staticDir, request.postId),
  };
}

const scope = globalThis as unknown as {
  document?: unknown;
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintResult): void;
};
// Only inside a worker (no document): answer each request.
if (scope.document === undefined && typeof scope.postMessage === 'function') {
  scope.onmessage = (event) => scope.postMessage(lintBody(event.data));
}
