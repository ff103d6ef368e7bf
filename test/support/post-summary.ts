import type { PostSummary } from '../../shared/api';

/** A plain list row for post `id` (title = id, undated, no problems), with `fields` laid over it. */
export function makeSummary(id: string, fields: Partial<PostSummary> = {}): PostSummary {
  return {
    id,
    title: id,
    date: null,
    lastmod: null,
    publishDate: null,
    draft: false,
    authors: [],
    tags: [],
    categories: [],
    section: 'posts',
    bodyKind: 'markdown',
    format: 'yaml',
    error: null,
    errorLine: null,
    mtimeMs: 0,
    size: 1,
    ...fields,
  };
}
