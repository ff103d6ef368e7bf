/**
 * The post list's query, as pure functions: search, filters and sort over post summaries. No DOM,
 * no React: unit tested on plain arrays. Per-post derived values (search text, sort keys) are
 * cached by summary object, so a keystroke costs one pass of substring checks over the list.
 */
import type { PostSummary } from '../../../shared/api';

/** A summary as the list reads it: fields other parts of the index may add are optional here. */
export type ListedPost = PostSummary & { publishDate?: string | null; categories?: string[] };

/** How the list is ordered. */
export type PostSort = 'newest' | 'oldest' | 'title' | 'modified';

/** Which posts the draft filter keeps. */
export type DraftFilter = 'any' | 'draft' | 'published';

/** The user's choices over the list: kept per site. */
export interface PostQuery {
  /** Words that must all appear in the title, path, authors or tags (case-insensitive). */
  search: string;
  sort: PostSort;
  draft: DraftFilter;
  /** A section name, or '' for any. */
  section: string;
  /** A tag, or '' for any. */
  tag: string;
  /** An author, or '' for any. */
  author: string;
  /** Keep only posts with a problem. */
  problems: boolean;
  /** Keep only posts git sees as new or modified against HEAD. */
  changed: boolean;
}

/** The sorts the list offers, with their labels, in menu order. */
export const postSorts: ReadonlyArray<{ value: PostSort; label: string }> = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'title', label: 'Title' },
  { value: 'modified', label: 'Recently modified' },
];

/** The query of a site seen for the first time: every post, newest first. */
export const defaultQuery: PostQuery = {
  search: '',
  sort: 'newest',
  draft: 'any',
  section: '',
  tag: '',
  author: '',
  problems: false,
  changed: false,
};

/** True when any filter or search narrows the list (the sort does not count). */
export function isFiltering(query: PostQuery): boolean {
  return (
    query.search.trim() !== '' ||
    query.draft !== 'any' ||
    query.section !== '' ||
    query.tag !== '' ||
    query.author !== '' ||
    query.problems ||
    query.changed
  );
}

interface Derived {
  haystack: string;
  /** Newest of lastmod, publishDate and date in ms, or -Infinity when the post has none. */
  newest: number;
  /** Oldest known date (date, else publishDate, else lastmod), or +Infinity. */
  oldest: number;
}

const derivedCache = new WeakMap<PostSummary, Derived>();

function derived(post: ListedPost): Derived {
  let value = derivedCache.get(post);
  if (value) return value;
  const times = [post.lastmod, post.publishDate ?? null, post.date]
    .map(toTime)
    .filter((time): time is number => time !== null);
  const first = [post.date, post.publishDate ?? null, post.lastmod].map(toTime).find((t) => t !== null);
  value = {
    haystack: [post.title, post.id, ...post.authors, ...post.tags, ...(post.categories ?? [])]
      .join('\n')
      .toLowerCase(),
    newest: times.length > 0 ? Math.max(...times) : -Infinity,
    oldest: first ?? Infinity,
  };
  derivedCache.set(post, value);
  return value;
}

/** Milliseconds of a front matter date string, or null when it is no date. */
export function toTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let time = Date.parse(trimmed);
  if (Number.isNaN(time)) {
    // Jekyll and Hugo accept "2024-05-19 10:00:00 +0200"; make it ISO-like.
    const iso = trimmed.replace(
      /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*([+-]\d{2}):?(\d{2})$/,
      '$1T$2$3:$4',
    );
    time = Date.parse(iso);
  }
  return Number.isNaN(time) ? null : time;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareTitles(a: PostSummary, b: PostSummary): number {
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The number a post sorts by (ascending) under `sort`; undated posts get +Infinity, so they come last. */
function sortKey(post: ListedPost, sort: Exclude<PostSort, 'title'>): number {
  switch (sort) {
    case 'modified':
      return -post.mtimeMs;
    case 'oldest':
      return derived(post).oldest;
    case 'newest': {
      const newest = derived(post).newest;
      return Number.isFinite(newest) ? -newest : Infinity;
    }
  }
}

/**
 * The posts in the order `sort` asks for, ties broken by title then path; a new array. Each post's
 * key is computed once (not once per comparison), so 10,000 posts sort in a few milliseconds.
 */
export function sortPosts<T extends ListedPost>(posts: readonly T[], sort: PostSort): T[] {
  if (sort === 'title') return posts.slice().sort(compareTitles);
  const keyed = posts.map((post) => ({ post, key: sortKey(post, sort) }));
  keyed.sort((a, b) => (a.key === b.key ? compareTitles(a.post, b.post) : a.key < b.key ? -1 : 1));
  return keyed.map((entry) => entry.post);
}

/** The search's words, lowercased; empty when the search is blank. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * How many problems the list shows for a post: the background checks' count, and at least one
 * when its front matter could not be read (also before the checks reached it).
 */
export function problemCount(post: ListedPost): number {
  return Math.max(post.problems ?? 0, post.error ? 1 : 0);
}

/** The text of a post's first problem (the badge's tooltip), or null when it has none. */
export function firstProblemText(post: ListedPost): string | null {
  if ((post.problems ?? 0) > 0 && post.firstProblem) return post.firstProblem;
  return post.error ?? null;
}

/** True when `post` passes every filter and contains every search term. */
export function matchesQuery(post: ListedPost, query: PostQuery, terms = searchTerms(query.search)): boolean {
  if (query.draft === 'draft' && !post.draft) return false;
  if (query.draft === 'published' && post.draft) return false;
  if (query.problems && problemCount(post) === 0) return false;
  if (query.section !== '' && post.section !== query.section) return false;
  if (query.tag !== '' && !post.tags.includes(query.tag)) return false;
  if (query.author !== '' && !post.authors.includes(query.author)) return false;
  if (terms.length === 0) return true;
  const haystack = derived(post).haystack;
  return terms.every((term) => haystack.includes(term));
}

/** The posts that pass `query`'s search and filters, in the order they came (the sort is ignored). */
export function filterPosts<T extends ListedPost>(posts: readonly T[], query: PostQuery): T[] {
  const terms = searchTerms(query.search);
  return posts.filter((post) => matchesQuery(post, query, terms));
}

/** The posts `query` keeps, in its order; `posts` itself is left as it is. */
export function queryPosts<T extends ListedPost>(posts: readonly T[], query: PostQuery): T[] {
  return sortPosts(filterPosts(posts, query), query.sort);
}

/** The values the filters can choose from, each sorted and without duplicates. */
export interface PostFacets {
  sections: string[];
  tags: string[];
  authors: string[];
}

/** Collects the sections, tags and authors present in `posts`. */
export function postFacets(posts: readonly ListedPost[]): PostFacets {
  const sections = new Set<string>();
  const tags = new Set<string>();
  const authors = new Set<string>();
  for (const post of posts) {
    if (post.section) sections.add(post.section);
    for (const tag of post.tags) tags.add(tag);
    for (const author of post.authors) authors.add(author);
  }
  const sorted = (set: Set<string>): string[] => [...set].sort(collator.compare);
  return { sections: sorted(sections), tags: sorted(tags), authors: sorted(authors) };
}

/** Reads a stored query back, keeping only well-formed fields; anything else takes its default. */
export function parseStoredQuery(json: string | null): PostQuery {
  if (!json) return defaultQuery;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return defaultQuery;
  }
  if (typeof raw !== 'object' || raw === null) return defaultQuery;
  const value = raw as Record<string, unknown>;
  const text = (key: keyof PostQuery): string =>
    typeof value[key] === 'string' ? (value[key] as string).slice(0, 500) : (defaultQuery[key] as string);
  const sort = postSorts.some((option) => option.value === value.sort) ? (value.sort as PostSort) : 'newest';
  const draft = ['any', 'draft', 'published'].includes(value.draft as string)
    ? (value.draft as DraftFilter)
    : 'any';
  return {
    search: text('search'),
    sort,
    draft,
    section: text('section'),
    tag: text('tag'),
    author: text('author'),
    problems: value.problems === true,
    changed: value.changed === true,
  };
}

/** The localStorage key of a site's list choices. */
export function queryStorageKey(siteRoot: string): string {
  return `postdesk.post-list:${siteRoot}`;
}
