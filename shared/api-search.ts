/**
 * The contract rows of site-wide search and replace: their argument schemas, results and events.
 * shared/api.ts spreads `searchMethods` and `searchEvents` into its tables.
 */
import { z } from 'zod';
import { returns } from './contract/schemas';

const Id = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'the path holds a NUL byte');
const Sha = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 digest');

/** A site-wide query: the text, its toggles and the list filters. */
export const SearchQuerySchema = z
  .object({
    query: z.string().max(1000, 'the query is too long'),
    regex: z.boolean().optional(),
    caseSensitive: z.boolean().optional(),
    wholeWord: z.boolean().optional(),
    /** Only posts of this section ('' or absent: all). */
    section: z.string().max(200).optional(),
    /** Only posts with this tag. */
    tag: z.string().max(200).optional(),
    draft: z.enum(['any', 'draft', 'published']).optional(),
  })
  .strict();

/** What a caller passes as a query. */
export type SearchQuery = z.input<typeof SearchQuerySchema>;

/** One match of a query: where it is in the file and the line it is on. */
export interface SearchMatch {
  /** 1-based line of the file. */
  line: number;
  /** Offset of the match in the file's text (UTF-16 code units). */
  offset: number;
  length: number;
  /** The line (or the part of a long line around the match). */
  lineText: string;
  /** Where the match lies within `lineText`. */
  start: number;
  end: number;
  /** True when the match is inside the front matter block. */
  inFrontMatter: boolean;
}

/** One post that matches, with its score and its first matches. */
export interface SearchPostResult {
  id: string;
  title: string;
  score: number;
  /** How many matches the post has (all of them, even beyond `matches`). */
  matchCount: number;
  matches: SearchMatch[];
}

/** What a search answers: ranked posts and what was left out and why. */
export interface SearchResults {
  results: SearchPostResult[];
  /** How many posts match (at least `results.length`; an estimate when `truncated`). */
  totalPosts: number;
  /** True when more posts match than `results` holds. */
  truncated: boolean;
  /** A message about the query or the index (invalid regex, time budget, capped index), or null. */
  notice: string | null;
  /** Files the index skipped: binary or not UTF-8. */
  skippedBinary: number;
  elapsedMs: number;
}

/** Progress and limits of the background search index. */
export interface SearchIndexStatus {
  ready: boolean;
  done: number;
  total: number;
  /** Set when the index is capped (posts indexed in part or left out) or files were skipped. */
  notice: string | null;
}

/** One match a replace would change. */
export interface ReplaceMatch {
  offset: number;
  length: number;
  line: number;
  /** The text matched (what the replacement takes the place of). */
  text: string;
  replacement: string;
  /** The whole line before and after the change. */
  before: string;
  after: string;
}

/** One file a replace would change. */
export interface ReplaceFile {
  id: string;
  title: string;
  sha256: string;
  matches: ReplaceMatch[];
}

/** What a replace preview answers: the files with their matches, and the files refused and why. */
export interface ReplacePreview {
  files: ReplaceFile[];
  skipped: { id: string; reason: string }[];
  truncated: boolean;
}

/** What applying (or undoing) a replace did. */
export interface ReplaceOutcome {
  changed: { id: string; sha256: string }[];
  skipped: { id: string; reason: string }[];
  /** The id `undoReplace` takes, or null when nothing changed (or after an undo). */
  undoId: string | null;
}

/** One value of a taxonomy and how many posts use it. */
export interface TaxonomyTerm {
  value: string;
  count: number;
}

/** One taxonomy key group (tags, categories, series, authors, or a list key the schema names). */
export interface Taxonomy {
  key: string;
  /** The front matter keys the group reads (`authors` also reads a scalar `author`). */
  fields: string[];
  terms: TaxonomyTerm[];
}

/** A rename, merge (several values into one) or delete of taxonomy values. */
export const TaxonomyEditSchema = z
  .object({
    key: z.string().min(1).max(200),
    action: z.enum(['rename', 'merge', 'delete']),
    from: z.array(z.string().max(500)).min(1).max(100),
    to: z.string().trim().max(500).optional(),
  })
  .strict();

/** One changed line of a front matter edit. */
export interface LineChange {
  line: number;
  before: string | null;
  after: string | null;
}

/** One post a front matter edit would change. */
export interface EditFile {
  id: string;
  title: string;
  sha256: string;
  changes: LineChange[];
}

/** What a front matter edit preview answers. */
export interface EditPreview {
  files: EditFile[];
  skipped: { id: string; reason: string }[];
}

/** A front matter change made to every selected post. */
export const BulkEditSchema = z
  .object({
    op: z.enum(['set', 'clear', 'addTag', 'removeTag']),
    key: z.string().trim().min(1, 'a key is required').max(200),
    value: z.string().max(2000).optional(),
  })
  .strict();

const Replacement = z.string().max(10000, 'the replacement is too long');

/** The contract rows of search and replace. */
export const searchMethods = {
  searchIndexStatus: {
    args: z.object({}).strict(),
    result: returns<SearchIndexStatus>(),
  },
  searchPosts: {
    args: SearchQuerySchema,
    result: returns<SearchResults>(),
  },
  previewReplace: {
    args: z.object({ search: SearchQuerySchema, replacement: Replacement }).strict(),
    result: returns<ReplacePreview>(),
  },
  applyReplace: {
    args: z
      .object({
        search: SearchQuerySchema,
        replacement: Replacement,
        /** Each file to change, the digest it was previewed at, and the offsets of the chosen matches. */
        files: z
          .array(
            z
              .object({ id: Id, sha256: Sha, offsets: z.array(z.number().int().nonnegative()).max(100000) })
              .strict(),
          )
          .max(10000, 'too many files at once'),
      })
      .strict(),
    result: returns<ReplaceOutcome>(),
  },
  listTaxonomies: {
    args: z.object({}).strict(),
    result: returns<Taxonomy[]>(),
  },
  previewTaxonomyEdit: {
    args: TaxonomyEditSchema,
    result: returns<EditPreview>(),
  },
  applyTaxonomyEdit: {
    args: z
      .object({
        edit: TaxonomyEditSchema,
        files: z.array(z.object({ id: Id, sha256: Sha }).strict()).max(10000, 'too many files at once'),
      })
      .strict(),
    result: returns<ReplaceOutcome>(),
  },
  previewBulkEdit: {
    args: z
      .object({ edit: BulkEditSchema, ids: z.array(Id).min(1).max(10000, 'too many posts at once') })
      .strict(),
    result: returns<EditPreview>(),
  },
  applyBulkEdit: {
    args: z
      .object({
        edit: BulkEditSchema,
        files: z.array(z.object({ id: Id, sha256: Sha }).strict()).max(10000, 'too many files at once'),
      })
      .strict(),
    result: returns<ReplaceOutcome>(),
  },
  undoReplace: {
    args: z.object({ undoId: z.string().regex(/^[0-9a-z-]{1,64}$/, 'not an undo id') }).strict(),
    result: returns<ReplaceOutcome>(),
  },
} as const;

/** The events of search: the background index's progress. */
export const searchEvents = {
  searchIndexProgress: returns<SearchIndexStatus>(),
} as const;
