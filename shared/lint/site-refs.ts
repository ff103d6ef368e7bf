import { siteFileForUrl } from '../render/asset-paths';
import { maskCode } from './code-regions';
import { attributeOf, findTags, type Problem } from './problem';
import { templateSiteRefs } from './template-checks';
import { isSpaceCode, NextChar, RunEnd } from './scan-text';

/** A local file a post points at: an image source or a link target, where it is written. */
export interface SiteRef {
  kind: 'image' | 'link';
  url: string;
  /** The site-relative id of the file the generator would serve for the URL. */
  id: string;
  from: number;
  to: number;
}

/** Link targets that are pages the generator makes, not files of the static folder or the bundle. */
const pageLike = /(^|\/)[^/.]*$|\.(html?|php|xml|rss|json)$/i;

/**
 * Finds the images and file links of a body (HTML tags, and Markdown `![](...)`/`[](...)` when
 * `markdown`) that name files of the site: site-root paths map into `staticDir`, relative ones into
 * the post's folder. Links to pages (no extension, .html...), URLs made by template code (`{{ }}`,
 * `{% %}`) and anything inside code (see codeRanges) are left out.
 */
export function findSiteRefs(
  body: string,
  markdown: boolean,
  staticDir: string | null,
  postId: string,
): SiteRef[] {
  const text = maskCode(body, markdown);
  const refs: SiteRef[] = [];
  const add = (kind: SiteRef['kind'], url: string, from: number, to: number): void => {
    if (url.includes('{{') || url.includes('{%')) return;
    const pathPart = url.trim().split(/[?#]/)[0] ?? '';
    if (kind === 'link' && pageLike.test(pathPart)) return;
    const id = siteFileForUrl(url, staticDir, postId);
    if (id !== null) refs.push({ kind, url, id, from, to });
  };
  for (const tag of findTags(text, 'img')) {
    const src = attributeOf(tag, 'src');
    if (src) add('image', src.value, src.valueFrom, src.valueTo);
  }
  for (const tag of findTags(text, 'a')) {
    const href = attributeOf(tag, 'href');
    if (href) add('link', href.value, href.valueFrom, href.valueTo);
  }
  if (markdown) {
    for (const link of findMarkdownLinks(text)) {
      add(link.image ? 'image' : 'link', text.slice(link.urlFrom, link.urlTo), link.urlFrom, link.urlTo);
    }
  }
  refs.push(...templateSiteRefs(text, staticDir, postId));
  return refs;
}

/** Problems for the refs whose files are not in `existing` (the ids the host found). */
export function checkMissingFiles(refs: SiteRef[], existing: ReadonlySet<string>): Problem[] {
  return refs
    .filter((ref) => !existing.has(ref.id))
    .map((ref) => ({
      code: 'missing-file' as const,
      from: ref.from,
      to: ref.to,
      severity: 'error' as const,
      message: `${ref.kind === 'image' ? 'Image' : 'Linked file'} ${ref.url} is not in the site (looked for ${ref.id}).`,
    }));
}

/** One Markdown link or image `[text](url "title")` found by findMarkdownLinks: where its URL is. */
export interface MarkdownLink {
  image: boolean;
  from: number;
  urlFrom: number;
  urlTo: number;
  /** Where the link's closing `)` ends. */
  end: number;
}

/** A character of a link URL (`[^\s)>]`). */
function isUrlCode(code: number): boolean {
  return code !== 41 && code !== 62 && !isSpaceCode(code);
}

/**
 * Finds Markdown links and images on one line each: `[text](url)`, `[text](<url>)`, `[text](url "title")`
 * (with `!` before for an image). One forward pass, O(length) whatever the text.
 */
export function findMarkdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const open = new NextChar(text, '[');
  const close = new NextChar(text, ']');
  const newline = new NextChar(text, '\n');
  const quote = new NextChar(text, '"');
  const spaces = new RunEnd(text, isSpaceCode);
  const urls = new RunEnd(text, isUrlCode);
  const tail = (start: number, angle: boolean): { urlFrom: number; urlTo: number; end: number } | null => {
    const urlFrom = start + (angle ? 1 : 0);
    const urlTo = urls.from(urlFrom);
    if (urlTo === urlFrom) return null;
    const afterUrl = text.charCodeAt(urlTo) === 62 ? urlTo + 1 : urlTo;
    const spaced = spaces.from(afterUrl);
    if (spaced > afterUrl && text.charCodeAt(spaced) === 34) {
      const titleEnd = quote.from(spaced + 1);
      if (titleEnd !== -1) {
        const end = spaces.from(titleEnd + 1);
        if (text.charCodeAt(end) === 41) return { urlFrom, urlTo, end: end + 1 };
      }
    }
    return text.charCodeAt(spaced) === 41 ? { urlFrom, urlTo, end: spaced + 1 } : null;
  };
  for (let at = open.from(0); at !== -1;) {
    // Every `[` before the same `]` meets the same fate: a failure skips them all.
    const bracket = close.from(at + 1);
    if (bracket === -1) break;
    const lineEnd = newline.from(at + 1);
    if (lineEnd !== -1 && lineEnd < bracket) {
      at = open.from(lineEnd + 1);
      continue;
    }
    const start = text.charCodeAt(bracket + 1) === 40 ? spaces.from(bracket + 2) : -1;
    const found =
      start === -1
        ? null
        : ((text.charCodeAt(start) === 60 ? tail(start, true) : null) ?? tail(start, false));
    if (!found) {
      at = open.from(bracket + 1);
      continue;
    }
    const previousEnd = links[links.length - 1]?.end ?? 0;
    const image = at > previousEnd && text.charCodeAt(at - 1) === 33;
    links.push({
      image,
      from: image ? at - 1 : at,
      urlFrom: found.urlFrom,
      urlTo: found.urlTo,
      end: found.end,
    });
    at = open.from(found.end);
  }
  return links;
}
