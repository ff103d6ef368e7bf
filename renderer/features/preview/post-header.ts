import type { PostHeader } from '../../../shared/render/post-header';
import type { UrlRewriter } from './sanitize-html';

const headerId = 'postdesk-post-header';
const lookId = 'postdesk-post-look';

/** The header's and the alerts' own styles, and the dark look used while the site's stylesheet is not. */
const baseLook = `#${headerId}{display:block;margin:1.5rem 2rem 0;max-width:46rem;font:16px/1.5 Georgia,serif}
#${headerId}:empty{display:none}
.pd-post-hero{display:block;max-width:100%;max-height:22rem;object-fit:cover;border-radius:4px;margin:0 0 1rem}
.pd-post-title{font-size:2rem;line-height:1.2;margin:0 0 .4rem}
.pd-post-meta{margin:0 0 .5rem;color:#666;font-size:.9rem}
.pd-post-description{margin:0;font-style:italic;color:#555}
.markdown-alert{border-left:4px solid #8a8f98;padding:.25rem 1rem;margin:1rem 0;border-radius:2px}
.markdown-alert-title{font-weight:bold;margin:.4rem 0}
.markdown-alert-note{border-color:#0969da}.markdown-alert-note .markdown-alert-title{color:#0969da}
.markdown-alert-tip{border-color:#1a7f37}.markdown-alert-tip .markdown-alert-title{color:#1a7f37}
.markdown-alert-important{border-color:#8250df}.markdown-alert-important .markdown-alert-title{color:#8250df}
.markdown-alert-warning{border-color:#9a6700}.markdown-alert-warning .markdown-alert-title{color:#9a6700}
.markdown-alert-caution{border-color:#cf222e}.markdown-alert-caution .markdown-alert-title{color:#cf222e}
`;
const darkLook = `:root{color-scheme:dark;background:#1e1f22}body,#${headerId}{color:#dcdcdc}
a{color:#8ab4f8}pre{background:#2b2d31}blockquote{color:#b0b0b0;border-color:#555}td,th{border-color:#444}
.pd-post-meta{color:#a8a8a8}.pd-post-description{color:#b8b8b8}
.markdown-alert-note .markdown-alert-title{color:#4493f8}.markdown-alert-tip .markdown-alert-title{color:#3fb950}
.markdown-alert-important .markdown-alert-title{color:#ab7df8}.markdown-alert-warning .markdown-alert-title{color:#d29922}
.markdown-alert-caution .markdown-alert-title{color:#f85149}
`;

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Shows the post's header (title, date, authors, cover image, description, built as DOM text: no
 * HTML of the post is parsed) at the top of the preview document, outside the body the renderer
 * patches; the image only when `rewriteImage` resolves it to a file of the site. Also sets the
 * header's and alerts' styles, dark when `dark` (the app's dark theme without the site's stylesheet).
 */
export function setPreviewPost(
  document: Document,
  header: PostHeader | null,
  rewriteImage: UrlRewriter,
  dark: boolean,
): void {
  let look = document.getElementById(lookId);
  if (!look) {
    look = document.createElement('style');
    look.id = lookId;
    document.head.appendChild(look);
  }
  const css = baseLook + (dark ? darkLook : '');
  if (look.textContent !== css) look.textContent = css;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';

  let element = document.getElementById(headerId);
  if (!element) {
    element = document.createElement('header');
    element.id = headerId;
    element.setAttribute('aria-label', 'Post header');
    // Beside the body, which the preview's renderer owns and patches.
    document.documentElement.insertBefore(element, document.body);
  }
  const image = header?.image ? rewriteImage(header.image) : null;
  // Unchanged: keep the nodes (a loaded image stays loaded).
  const key = JSON.stringify([header, image]);
  if (element.dataset.shown === key) return;
  element.dataset.shown = key;
  const parts: Element[] = [];
  if (image !== null) {
    const img = document.createElement('img');
    img.className = 'pd-post-hero';
    img.alt = '';
    img.src = image;
    parts.push(img);
  }
  if (header?.title) {
    const title = document.createElement('h1');
    title.className = 'pd-post-title';
    title.textContent = header.title;
    parts.push(title);
  }
  if (header && (header.date || header.authors.length > 0)) {
    const meta = document.createElement('div');
    meta.className = 'pd-post-meta';
    if (header.date) {
      const time = document.createElement('time');
      time.dateTime = header.date.iso;
      time.textContent = header.date.text;
      meta.appendChild(time);
    }
    if (header.authors.length > 0) {
      const by = document.createElement('span');
      by.className = 'pd-post-authors';
      by.textContent = `${header.date ? ' · ' : ''}By ${joinNames(header.authors)}`;
      meta.appendChild(by);
    }
    parts.push(meta);
  }
  if (header?.description) {
    const description = document.createElement('div');
    description.className = 'pd-post-description';
    description.textContent = header.description;
    parts.push(description);
  }
  element.replaceChildren(...parts);
}
