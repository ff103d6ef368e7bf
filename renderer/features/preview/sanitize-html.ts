import DOMPurify from 'dompurify';
import { sanitizePolicy } from '../../../shared/render/sanitize-policy';

/** Rewrites a URL of the body (an image source) to one the preview can load, or keeps it (null). */
export type UrlRewriter = (url: string) => string | null;

const purifier = DOMPurify(window);
let currentRewriter: UrlRewriter | null = null;

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && currentRewriter) {
    const src = node.getAttribute('src');
    const rewritten = src === null ? null : currentRewriter(src);
    if (rewritten !== null) node.setAttribute('src', rewritten);
  }
  if (node.tagName === 'A') {
    // Clicks are handled by the parent; should one slip through, the sandbox (no allow-popups)
    // blocks a _blank target, where a plain link would navigate the frame.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Makes preview HTML safe to insert: scripts, handlers, frames, forms and unsafe URLs removed; image
 * sources that name site files are pointed at the host's asset route by `rewriteImage`.
 */
export function sanitizeHtml(html: string, rewriteImage?: UrlRewriter): string {
  currentRewriter = rewriteImage ?? null;
  try {
    return purifier.sanitize(html, { ...sanitizePolicy }) as string;
  } finally {
    currentRewriter = null;
  }
}
