import { siteFileForUrl } from '../render/asset-paths';
import { attributeOf, findTags, type Problem } from './problem';
import { templateSiteRefs } from './template-checks';

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
 * the post's folder. Links to pages (no extension, .html...) are left out.
 */
export function findSiteRefs(
  text: string,
  markdown: boolean,
  staticDir: string | null,
  postId: string,
): SiteRef[] {
  const refs: SiteRef[] = [];
  const add = (kind: SiteRef['kind'], url: string, from: number, to: number): void => {
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
    const pattern = /(!?)\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const url = match[2] ?? '';
      const from = match.index + match[0].indexOf(url, match[0].indexOf(']('));
      add(match[1] === '!' ? 'image' : 'link', url, from, from + url.length);
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
