import type { TagDialects } from './scan-tags';

/** A post of the site as links resolve it: its site-relative id and the URL path it is served at. */
export interface LinkablePost {
  id: string;
  url: string;
}

/** What the site tells the preview (plain data: it may cross to a worker). */
export interface SiteRenderFacts {
  /** Which template syntaxes bodies use (Hugo shortcodes; Liquid/Nunjucks). */
  dialects: TagDialects;
  /** Hugo `baseURL` / Jekyll `url` + `baseurl`, as configured ('' when none). */
  baseUrl: string;
  /** Jekyll `baseurl` (the path prefix), '' when none. */
  basePath: string;
  /** Hugo `params` / Jekyll top-level config values, for `param` and `site.*`. */
  params: Record<string, unknown>;
  /** The posts links may name. */
  posts: readonly LinkablePost[];
  /** Whether the site renders math (Hugo passthrough/math extension, kramdown math). */
  math: boolean;
  /** Hugo `markup.highlight.style` when the site names one, else null. */
  highlightStyle: string | null;
}

/** What one render of one body knows about its post and site. */
export interface TemplateContext {
  site: SiteRenderFacts;
  /** The post's own front matter (for `param`, `page.*`). */
  page: Record<string, unknown>;
  /** The post's id (ref/relref resolve relative to it). */
  postId: string;
}

/** The facts of a site the preview knows nothing about: Hugo and Liquid syntax both read, nothing resolved. */
export const unknownSite: SiteRenderFacts = {
  dialects: { hugo: true, liquid: false },
  baseUrl: '',
  basePath: '',
  params: {},
  posts: [],
  math: false,
  highlightStyle: null,
};

/** Looks a dotted key up in a map, case-insensitively per segment (as Hugo's `.Param` does). */
export function lookupParam(map: Record<string, unknown>, key: string): unknown {
  let value: unknown = map;
  for (const segment of key.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const lower = segment.toLowerCase();
    const found = Object.keys(record).find((name) => name.toLowerCase() === lower);
    if (found === undefined) return undefined;
    value = record[found];
  }
  return value;
}

/** A parameter value as the text a template would print. */
export function paramText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const noExt = (id: string): string => id.replace(/\.(md|markdown|mdx|html|htm|adoc|org|njk|liquid)$/i, '');

const indexes = new WeakMap<readonly LinkablePost[], Map<string, LinkablePost>>();

/** Every name a post may be linked by (its id, without extension, its bundle folder, and each of their tails). */
function postIndex(posts: readonly LinkablePost[]): Map<string, LinkablePost> {
  let index = indexes.get(posts);
  if (index) return index;
  index = new Map();
  for (const post of posts) {
    const bare = noExt(post.id);
    const bundle = /\/_?index$/.test(bare) ? bare.slice(0, bare.lastIndexOf('/')) : null;
    for (const name of bundle === null ? [post.id, bare] : [post.id, bare, bundle]) {
      let tail = name;
      for (;;) {
        if (!index.has(tail)) index.set(tail, post);
        const slash = tail.indexOf('/');
        if (slash === -1) break;
        tail = tail.slice(slash + 1);
      }
    }
  }
  indexes.set(posts, index);
  return index;
}

/**
 * Finds the post a Hugo ref/relref or Jekyll link/post_url names: relative to the linking post's
 * folder first, then by content path, path without extension, bundle folder or file name (Jekyll
 * post_url names `2020-01-02-title`). Null when none. Posts are indexed once per list.
 */
export function findPost(
  posts: readonly LinkablePost[],
  target: string,
  fromId: string,
): LinkablePost | null {
  const clean = target.split('#')[0]!.trim().replace(/^\.\//, '');
  if (clean === '') return posts.find((post) => post.id === fromId) ?? null;
  const stripped = clean.replace(/^\/+/, '').replace(/\/+$/, '');
  const index = postIndex(posts);
  const fromDir = fromId.split('/').slice(0, -1).join('/');
  for (const candidate of [stripped, noExt(stripped)]) {
    if (candidate === '') continue;
    const found = (fromDir !== '' ? index.get(`${fromDir}/${candidate}`) : undefined) ?? index.get(candidate);
    if (found) return found;
  }
  return null;
}
