import { useEffect, useRef, useState } from 'react';
import type { BodyKind } from '../../../shared/api';
import { renderBody } from '../../../shared/render/render-body';
import { sanitizeHtml, type UrlRewriter } from './sanitize-html';

const previewCsp =
  "default-src 'none'; img-src 'self' data: blob: http: https: postdesk-asset:; style-src 'unsafe-inline'";
const shell = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${previewCsp}"><style>
body{font:16px/1.6 Georgia,serif;margin:1.5rem 2rem;color:#222;max-width:46rem}
img{max-width:100%;height:auto}.alignright{float:right;margin:0 0 1rem 1rem}.alignleft{float:left;margin:0 1rem 1rem 0}
pre{background:#f4f4f4;padding:.75rem;overflow:auto}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#555}
</style></head><body></body></html>`;

/** How long typing must pause before the preview re-renders. */
export const previewDelayMs = 120;

/**
 * The live preview: the body rendered (marked for Markdown) and sanitised, shown in an iframe titled
 * "Preview" that may run no scripts. It follows edits after a short pause.
 */
export function PreviewFrame({
  body,
  kind,
  rewriteImage,
}: {
  body: string;
  kind: BodyKind;
  rewriteImage: UrlRewriter;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!ready) return;
    const timer = window.setTimeout(() => {
      const document = frame.current?.contentDocument;
      if (document?.body) document.body.innerHTML = sanitizeHtml(renderBody(body, kind), rewriteImage);
    }, previewDelayMs);
    return () => window.clearTimeout(timer);
  }, [body, kind, ready, rewriteImage]);

  return (
    <iframe
      ref={frame}
      title="Preview"
      className="preview-frame"
      sandbox="allow-same-origin"
      srcDoc={shell}
      onLoad={() => setReady(true)}
    />
  );
}
