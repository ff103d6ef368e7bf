import DOMPurify from 'dompurify';
import { sanitizePolicy } from '../../../shared/render/sanitize-policy';

/** Rewrites a URL of the body (an image source) to one the preview can load, or keeps it. */
export type UrlRewriter = (url: string) => string | null;

/**
 * Makes preview HTML safe to insert: scripts, handlers, frames, forms and unsafe URLs removed; image
 * sources that name site files are pointed at the host's asset route.
 */
export function sanitizeHtml(html: string, rewriteImage?: UrlRewriter): string {
  if (!rewriteImage) return DOMPurify.sanitize(html, { ...sanitizePolicy }) as string;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'IMG') return;
    const src = node.getAttribute('src');
    const rewritten = src === null ? null : rewriteImage(src);
    if (rewritten !== null) node.setAttribute('src', rewritten);
  });
  try {
    return DOMPurify.sanitize(html, { ...sanitizePolicy }) as string;
  } finally {
    DOMPurify.removeHook('afterSanitizeAttributes');
  }
}
