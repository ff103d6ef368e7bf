import DOMPurify from 'dompurify';
import { sanitizePolicy } from '../../../shared/render/sanitize-policy';

/** Rewrites a URL of the body (an image source) to one the preview can load, or keeps it (null). */
export type UrlRewriter = (url: string) => string | null;

let currentRewriter: UrlRewriter | null = null;

const fixNode = (node: Element): void => {
  if (node.tagName === 'IMG' && currentRewriter) {
    const src = node.getAttribute('src');
    const rewritten = src === null ? null : currentRewriter(src);
    if (rewritten !== null) node.setAttribute('src', rewritten);
  }
  const style = node.getAttribute('style');
  if (style !== null && loadsSomething.test(style)) node.setAttribute('style', withoutLoads(style));
  if (node.tagName === 'A') {
    // Clicks are handled by the parent; should one slip through, the sandbox (no allow-popups)
    // blocks a _blank target, where a plain link would navigate the frame.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
};

// CSS that can fetch: url(), image(), image-set(), @import, and escapes that could spell them.
const loadsSomething = /\\|url\s*\(|image(-set)?\s*\(|@import/i;

/**
 * A style attribute without the declarations that would load something. The preview's CSP cannot
 * be trusted with them: Chromium fetches a style attribute's images under the policy of the inert
 * document the sanitiser parsed it in, so `url(/api/events)` would reach the host.
 */
function withoutLoads(style: string): string {
  return style
    .split(';')
    .filter((declaration) => !loadsSomething.test(declaration))
    .join(';');
}

// Two sanitisers with the policy parsed once each (passing it to every call would parse it again):
// one answers a string, the other an inert fragment (no serialising and parsing the result again).
const toText = DOMPurify(window);
toText.setConfig({ ...sanitizePolicy });
toText.addHook('afterSanitizeAttributes', fixNode);
const toFragment = DOMPurify(window);
toFragment.setConfig({ ...sanitizePolicy, RETURN_DOM_FRAGMENT: true });
toFragment.addHook('afterSanitizeAttributes', fixNode);

/**
 * Makes preview HTML safe to insert: scripts, handlers, frames, forms and unsafe URLs removed; image
 * sources that name site files are pointed at the host's asset route by `rewriteImage`.
 */
export function sanitizeHtml(html: string, rewriteImage?: UrlRewriter): string {
  currentRewriter = rewriteImage ?? null;
  try {
    return toText.sanitize(html);
  } finally {
    currentRewriter = null;
  }
}

/**
 * Sanitises like sanitizeHtml but answers the clean nodes as a fragment of an inert document (it
 * loads nothing until inserted), ready to be moved into the preview.
 */
export function sanitizeToFragment(html: string, rewriteImage?: UrlRewriter): DocumentFragment {
  currentRewriter = rewriteImage ?? null;
  try {
    return toFragment.sanitize(html) as unknown as DocumentFragment;
  } finally {
    currentRewriter = null;
  }
}
