import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BodyKind } from '../../../shared/api';
import { mdxToMarkdown } from '../../../shared/render/mdx-preview';
import type { TemplateContext } from '../../../shared/render/shortcodes/template-context';
import { useStore } from '../../state/create-store';
import {
  patchPreview,
  previewScrollPosition,
  previewShell,
  scrollPreviewTo,
  setPreviewCodeStyle,
  setPreviewStylesheet,
} from './preview-document';
import type { PostHeader } from '../../../shared/render/post-header';
import { BudgetedWorker } from './budgeted-worker';
import { setPreviewPost } from './post-header';
import { guardPreviewLinks, openExternalUrl } from './preview-links';
import type { RenderedBody, RenderRequest } from './rendered-body';
import type { UrlRewriter } from './sanitize-html';
import { followScroll, publishScroll, scrollSyncEnabled } from './scroll-sync';

/** How long the worker may take over one render before the preview says it is paused. */
export const previewBudgetMs = 2000;
// What the templates resolve against, numbered: the worker is sent a context only when it changed
// (the post list can be large), and keys its block cache on the number.
const templateVersions = new WeakMap<TemplateContext, number>();
let lastTemplateVersion = 0;
function templateVersion(templates: TemplateContext | undefined): number {
  if (!templates) return 0;
  let version = templateVersions.get(templates);
  if (version === undefined) {
    version = ++lastTemplateVersion;
    templateVersions.set(templates, version);
  }
  return version;
}

/**
 * The live preview: the body rendered (marked for Markdown) and sanitised, patched into an iframe
 * titled "Preview" that may run no scripts and has its own CSP. It follows every edit without a
 * fixed pause (the worker runs the latest request only; the last preview stays until the next is
 * patched in, and the scroll position is kept), styles itself with the site stylesheet when one is configured, opens links outside the
 * app, and follows (and leads) the editor's scrolling while sync is on.
 */
export function PreviewFrame({
  body,
  kind,
  rewriteImage,
  stylesheetUrl = null,
  mdx = false,
  templates,
  codeStyle = '',
  toolbar = null,
  header = null,
  dark = false,
}: {
  body: string;
  kind: BodyKind;
  rewriteImage: UrlRewriter;
  stylesheetUrl?: string | null;
  /** An MDX body: components shown as labelled placeholders, import/export lines left out. */
  mdx?: boolean;
  /** What shortcodes and Liquid tags resolve against (none: they show as written). */
  templates?: TemplateContext;
  /** The code highlighting stylesheet. */
  codeStyle?: string;
  /** More controls for the toolbar (the preview tabs). */
  toolbar?: ReactNode;
  /** The post header shown above the body (from the front matter). */
  header?: PostHeader | null;
  /** The app's theme is dark: the preview is too, unless the site's stylesheet styles it. */
  dark?: boolean;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const sync = useStore(scrollSyncEnabled);
  const [tooSlow, setTooSlow] = useState(false);
  // Marked runs in a worker (it is super-linear on some text); the page sanitises and patches.
  const renderer = useMemo(
    () =>
      new BudgetedWorker<RenderRequest, RenderedBody>(
        () => new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module' }),
        previewBudgetMs,
      ),
    [],
  );
  useEffect(() => () => renderer.dispose(), [renderer]);
  // The template context version the worker last received (it keeps the context it was sent).
  const sentTemplates = useRef(-1);

  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (!ready || !document?.body) return;
    const shown = mdx ? mdxToMarkdown(body) : body;
    let current = true;
    const patch = (rendered?: RenderedBody): void => {
      patchPreview(document, shown, kind, rewriteImage, rendered, templates);
      frame.current?.setAttribute('data-rendered-kind', kind);
      setTooSlow(false);
    };
    const version = templateVersion(templates);
    const request: RenderRequest = { body: shown, kind, templatesVersion: version };
    if (sentTemplates.current !== version) request.templates = templates;
    void renderer.run(request).then((answer) => {
      if (answer.ok) sentTemplates.current = version;
      // A worker ended (too slow) or gone starts afresh: the next request carries the context again.
      else if (answer.reason !== 'superseded') sentTemplates.current = -1;
      if (!current) return;
      if (answer.ok) patch(answer.value);
      else if (answer.reason === 'unavailable') patch();
      // Too slow: the last preview stays, with a notice.
      else if (answer.reason === 'too-slow') setTooSlow(true);
    });
    return () => {
      current = false;
    };
  }, [body, kind, mdx, ready, rewriteImage, renderer, templates]);

  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (ready && document) setPreviewCodeStyle(document, codeStyle);
  }, [ready, codeStyle]);

  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (ready && document) setPreviewStylesheet(document, stylesheetUrl);
  }, [ready, stylesheetUrl]);

  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (ready && document) setPreviewPost(document, header, rewriteImage, dark && stylesheetUrl === null);
  }, [ready, header, rewriteImage, dark, stylesheetUrl]);

  useEffect(() => {
    const document = frame.current?.contentDocument;
    const view = frame.current?.contentWindow;
    if (!ready || !document || !view) return;
    const detach = guardPreviewLinks(document, openExternalUrl);
    const onScroll = (): void => publishScroll('preview', previewScrollPosition(document));
    view.addEventListener('scroll', onScroll, { passive: true });
    const unfollow = followScroll('preview', (position) => scrollPreviewTo(document, position));
    return () => {
      detach();
      view.removeEventListener('scroll', onScroll);
      unfollow();
    };
  }, [ready]);

  return (
    <div className="preview-pane">
      <div className="preview-toolbar">
        {toolbar}
        <label>
          <input
            type="checkbox"
            checked={sync}
            onChange={(event) => scrollSyncEnabled.set(event.target.checked)}
          />{' '}
          Sync scroll
        </label>
        {tooSlow ? (
          <span className="preview-too-slow" role="status">
            Preview paused: this text takes over {previewBudgetMs / 1000} s to render; the last preview stays.
          </span>
        ) : null}
      </div>
      <iframe
        ref={frame}
        title="Preview"
        className="preview-frame"
        sandbox="allow-same-origin"
        referrerPolicy="no-referrer"
        srcDoc={previewShell}
        onLoad={() => setReady(true)}
      />
    </div>
  );
}
