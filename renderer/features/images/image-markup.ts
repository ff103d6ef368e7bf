import type { BodyKind, SiteImage } from '../../../shared/api';

/**
 * The markup that shows image `url` with `alt` in a body of `kind`: `![alt](url)` in Markdown
 * (brackets in the alt text escaped, URLs with spaces or parentheses wrapped in <>), or
 * `<img src="url" alt="alt">` in HTML (attribute values escaped).
 */
export function imageMarkup(kind: BodyKind, url: string, alt: string): string {
  const cleanAlt = alt.replace(/[\r\n]+/g, ' ').trim();
  if (kind === 'html') return `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(cleanAlt)}">`;
  const markdownAlt = cleanAlt.replace(/([\\[\]])/g, '\\$1');
  const markdownUrl = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `![${markdownAlt}](${markdownUrl})`;
}

/** Alt text to start from, guessed from a file name: `my-red_kite.png` -> `my red kite`. */
export function altFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/\.[^.]+$/, '')
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The file name part of a site-relative id. */
export function baseName(id: string): string {
  return id.split('/').pop() ?? id;
}

/**
 * How post `postId` refers to a site image: its site-root URL when it is in the static folder,
 * else a path relative to the post's folder (page bundles answer the bare file name).
 */
export function imageUrlForPost(image: SiteImage, postId: string): string {
  if (image.url !== null) return image.url;
  const from = postId.split('/').slice(0, -1);
  const to = image.id.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
}

/** A byte count for people: `812 B`, `14.2 KB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
