import { describe, expect, it } from 'vitest';
import {
  defaultQuery,
  isFiltering,
  parseStoredQuery,
  postFacets,
  queryPosts,
  queryStorageKey,
  toTime,
  type ListedPost,
  type PostQuery,
} from '../../../../../renderer/features/library/post-query';
import { makeSummary } from '../../../../support/post-summary';

function post(id: string, fields: Partial<ListedPost> = {}): ListedPost {
  return { ...makeSummary(id, { size: 10 }), ...fields };
}

const posts: ListedPost[] = [
  post('content/posts/alpha.md', {
    title: 'Alpha: the first',
    date: '2023-01-10',
    authors: ['Jane Doe'],
    tags: ['go', 'hugo'],
    mtimeMs: 300,
  }),
  post('content/posts/beta.md', {
    title: 'beta notes',
    date: '2022-05-01',
    lastmod: '2024-06-01',
    draft: true,
    authors: ['Sam Roe'],
    tags: ['rust'],
    mtimeMs: 100,
  }),
  post('content/notes/gamma.md', {
    title: 'Gamma',
    section: 'notes',
    publishDate: '2023-08-02T10:00:00Z',
    error: 'line 3: bad indentation',
    mtimeMs: 200,
  }),
  post('content/notes/undated.md', { title: 'Delta undated', section: 'notes', mtimeMs: 50 }),
];

const ids = (list: readonly ListedPost[]): string[] => list.map((item) => item.id.split('/').pop()!);
const q = (change: Partial<PostQuery>): PostQuery => ({ ...defaultQuery, ...change });

describe('queryPosts sorting', () => {
  it('puts the newest of lastmod, publishDate and date first, undated posts last', () => {
    expect(ids(queryPosts(posts, defaultQuery))).toEqual(['beta.md', 'gamma.md', 'alpha.md', 'undated.md']);
  });
  it('sorts oldest first by the original date, undated still last', () => {
    expect(ids(queryPosts(posts, q({ sort: 'oldest' })))).toEqual([
      'beta.md',
      'alpha.md',
      'gamma.md',
      'undated.md',
    ]);
  });
  it('sorts by title ignoring case, and by modification time, newest first', () => {
    expect(ids(queryPosts(posts, q({ sort: 'title' })))).toEqual([
      'alpha.md',
      'beta.md',
      'undated.md',
      'gamma.md',
    ]);
    expect(ids(queryPosts(posts, q({ sort: 'modified' })))).toEqual([
      'alpha.md',
      'gamma.md',
      'beta.md',
      'undated.md',
    ]);
  });
  it('leaves the input array in its order', () => {
    const copy = posts.slice();
    queryPosts(posts, q({ sort: 'title' }));
    expect(posts).toEqual(copy);
  });
});

describe('queryPosts search and filters', () => {
  it('searches title, path, author and tags, case-insensitively, every word required', () => {
    expect(ids(queryPosts(posts, q({ search: 'ALPHA' })))).toEqual(['alpha.md']);
    expect(ids(queryPosts(posts, q({ search: 'content/notes' })))).toEqual(['gamma.md', 'undated.md']);
    expect(ids(queryPosts(posts, q({ search: 'sam' })))).toEqual(['beta.md']);
    expect(ids(queryPosts(posts, q({ search: 'rust' })))).toEqual(['beta.md']);
    expect(ids(queryPosts(posts, q({ search: ' jane   hugo ' })))).toEqual(['alpha.md']);
    expect(ids(queryPosts(posts, q({ search: 'jane rust' })))).toEqual([]);
  });
  it('filters drafts, sections, tags, authors and problems, combined', () => {
    expect(ids(queryPosts(posts, q({ draft: 'draft' })))).toEqual(['beta.md']);
    expect(queryPosts(posts, q({ draft: 'published' }))).toHaveLength(3);
    expect(ids(queryPosts(posts, q({ section: 'notes', sort: 'title' })))).toEqual([
      'undated.md',
      'gamma.md',
    ]);
    expect(ids(queryPosts(posts, q({ tag: 'hugo' })))).toEqual(['alpha.md']);
    expect(ids(queryPosts(posts, q({ author: 'Sam Roe' })))).toEqual(['beta.md']);
    expect(ids(queryPosts(posts, q({ problems: true })))).toEqual(['gamma.md']);
    expect(queryPosts(posts, q({ problems: true, section: 'posts' }))).toEqual([]);
  });
  it('counts only search and filters as filtering', () => {
    expect(isFiltering(defaultQuery)).toBe(false);
    expect(isFiltering(q({ sort: 'title' }))).toBe(false);
    expect(isFiltering(q({ search: '  ' }))).toBe(false);
    expect(isFiltering(q({ search: 'a' }))).toBe(true);
    expect(isFiltering(q({ problems: true }))).toBe(true);
  });
  it('handles 10,000 posts', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      post(`content/posts/p${i}.md`, {
        title: `Post ${i}`,
        date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    );
    const found = queryPosts(many, q({ search: 'post 9999' }));
    expect(ids(found)).toEqual(['p9999.md']);
    expect(queryPosts(many, defaultQuery)).toHaveLength(10_000);
  });
});

describe('facets, dates and stored queries', () => {
  it('lists sections, tags and authors once each, sorted', () => {
    expect(postFacets(posts)).toEqual({
      sections: ['notes', 'posts'],
      tags: ['go', 'hugo', 'rust'],
      authors: ['Jane Doe', 'Sam Roe'],
    });
  });
  it('reads ISO dates and Hugo/Jekyll "date time offset" dates', () => {
    expect(toTime('2024-05-19')).toBe(Date.UTC(2024, 4, 19));
    expect(toTime('2024-05-19 10:00:00 +0200')).toBe(Date.UTC(2024, 4, 19, 8));
    expect(toTime('not a date')).toBeNull();
    expect(toTime(null)).toBeNull();
  });
  it('restores a stored query, and falls back to defaults for anything malformed', () => {
    const stored = q({ search: 'x', sort: 'title', draft: 'draft', tag: 'go', problems: true });
    expect(parseStoredQuery(JSON.stringify(stored))).toEqual(stored);
    expect(parseStoredQuery(null)).toEqual(defaultQuery);
    expect(parseStoredQuery('{not json')).toEqual(defaultQuery);
    expect(parseStoredQuery('[1]').sort).toBe('newest');
    expect(parseStoredQuery(JSON.stringify({ sort: 'evil', draft: 3, section: 7, problems: 'yes' }))).toEqual(
      defaultQuery,
    );
  });
  it('keys stored choices by site root', () => {
    expect(queryStorageKey('/a/site')).not.toBe(queryStorageKey('/a/site-2'));
  });
});
