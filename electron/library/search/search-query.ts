import { performance } from 'node:perf_hooks';
import type { PostSummary } from '../../../shared/api';
import type { SearchMatch, SearchPostResult, SearchQuery, SearchResults } from '../../../shared/api-search';
import { findersOf, type FoundMatch } from './search-matcher';
import type { SearchDoc, SearchIndex } from './search-index';

/** The most posts one search answers (the best ones). */
export const maxResultPosts = 200;
/** The most matches listed for one post (its count still covers them all, up to `countLimit`). */
export const maxMatchesPerPost = 50;
const countLimit = 10000;
/** How long a regex search may run over all posts before it stops with a notice. */
export const regexBudgetMs = 2000;
const maxLineText = 240;

/** True when a post passes the query's section, tag and draft filters. */
export function passesFilters(summary: PostSummary | null, search: SearchQuery): boolean {
  if (search.section && summary?.section !== search.section) return false;
  if (search.tag && !summary?.tags.includes(search.tag)) return false;
  if (search.draft === 'draft' && summary?.draft !== true) return false;
  if (search.draft === 'published' && summary?.draft === true) return false;
  return true;
}

/** The line of `text` around `offset`: its 1-based number and the line (a window of long lines). */
export function lineAround(
  text: string,
  offset: number,
  length: number,
  cursor: { offset: number; line: number } = { offset: 0, line: 1 },
): Omit<SearchMatch, 'offset' | 'length' | 'inFrontMatter'> {
  let line = cursor.offset <= offset ? cursor.line : 1;
  let at = text.indexOf('\n', cursor.offset <= offset ? cursor.offset : 0);
  for (; at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  cursor.offset = offset;
  cursor.line = line;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset + length);
  if (lineEnd === -1) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const from = offset - lineStart > maxLineText / 2 ? offset - maxLineText / 4 : lineStart;
  const to = Math.min(lineEnd, Math.max(from + maxLineText, offset + Math.min(length, maxLineText)));
  const matchEnd = Math.min(offset + length, to);
  const lineText = text.slice(from, Math.max(to, matchEnd));
  return { line, lineText, start: offset - from, end: matchEnd - from };
}

/**
 * Scores a matching post: a match in the title counts 10, one in the front matter 3, one in the
 * body 1 (the body's share capped at 20 per term), and a post whose title holds every term gets 5 more.
 */
export function scorePost(
  perTerm: readonly FoundMatch[][],
  doc: Pick<SearchDoc, 'bodyStart'>,
  titleHits: readonly number[],
): number {
  let score = 0;
  perTerm.forEach((found, term) => {
    let body = 0;
    let head = 0;
    for (const match of found) {
      if (match.offset < doc.bodyStart) head++;
      else body++;
    }
    score += (titleHits[term] ?? 0) * 10 + head * 3 + Math.min(body, 20);
  });
  if (perTerm.length > 0 && titleHits.every((count) => count > 0)) score += 5;
  return score;
}

/** Every match of the query in one post's text, one list per term (empty lists when a term is missing). */
export function matchesIn(text: string, finders: ReturnType<typeof findersOf>['finders']): FoundMatch[][] {
  return finders.map((find) => find(text, countLimit));
}

/**
 * Runs a query over the index: candidates from the word index (title hits first) or, for a regex,
 * every post, then the exact matches of each candidate; answers the best posts ranked by score.
 */
export async function searchIndex(
  index: SearchIndex,
  summary: (id: string) => PostSummary | null,
  search: SearchQuery,
): Promise<SearchResults> {
  const started = performance.now();
  await index.sync();
  const empty = (notice: string | null): SearchResults => ({
    results: [],
    totalPosts: 0,
    truncated: false,
    notice,
    skippedBinary: index.skippedBinary(),
    elapsedMs: performance.now() - started,
  });
  let parsed: ReturnType<typeof findersOf>;
  try {
    parsed = findersOf(search);
  } catch (error) {
    return empty((error as Error).message);
  }
  const { terms, finders } = parsed;
  if (finders.length === 0) return empty(null);

  let candidates: string[];
  let titleHitIds = new Set<string>();
  if (search.regex === true) {
    candidates = [...index.docs.keys()].sort();
  } else {
    let ordered: string[] = [];
    terms.forEach((term, position) => {
      const found = index.candidates(term.words, term.kind === 'word' && search.wholeWord !== true);
      if (position === 0) {
        titleHitIds = found.titleHits;
        ordered = found.ids;
      } else {
        const next = new Set(found.ids);
        ordered = ordered.filter((id) => next.has(id));
      }
    });
    candidates = [
      ...ordered.filter((id) => titleHitIds.has(id)),
      ...ordered.filter((id) => !titleHitIds.has(id)),
    ];
  }

  const results: SearchPostResult[] = [];
  let notice: string | null = index.notice();
  let matchedPosts = 0;
  let scanned = 0;
  for (const id of candidates) {
    if (results.length >= maxResultPosts) break;
    if (search.regex === true && performance.now() - started > regexBudgetMs) {
      notice = `The regular expression was stopped after ${regexBudgetMs / 1000} s, having searched ${scanned} of ${candidates.length} posts.`;
      break;
    }
    scanned++;
    const doc = index.docs.get(id);
    if (!doc || !passesFilters(summary(id), search)) continue;
    const perTerm = matchesIn(doc.text, finders);
    if (perTerm.some((found) => found.length === 0)) continue;
    matchedPosts++;
    const titleHits = finders.map((find) => find(doc.title, 100).length);
    const all = perTerm.flat().sort((a, b) => a.offset - b.offset);
    const cursor = { offset: 0, line: 1 };
    results.push({
      id,
      title: doc.title,
      score: scorePost(perTerm, doc, titleHits),
      matchCount: all.length,
      matches: all.slice(0, maxMatchesPerPost).map((match) => ({
        offset: match.offset,
        length: match.length,
        inFrontMatter: match.offset < doc.bodyStart,
        ...lineAround(doc.text, match.offset, match.length, cursor),
      })),
    });
  }
  results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const truncated = scanned < candidates.length;
  return {
    results,
    totalPosts: truncated ? Math.max(matchedPosts, candidates.length) : matchedPosts,
    truncated,
    notice,
    skippedBinary: index.skippedBinary(),
    elapsedMs: performance.now() - started,
  };
}
