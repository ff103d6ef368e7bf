import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Charset, Index } from 'flexsearch';
import type { PostSummary, SiteInfo } from '../../../shared/api';
import type { SearchIndexStatus } from '../../../shared/api-search';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { readOnlyReason } from '../post-store';
import { maxEditableBytes } from '../post-summary';
import { termsOf } from './search-matcher';

/** The most characters of one post the search index keeps (the rest of a huge post is not searched). */
export const maxPostChars = 1024 * 1024;
/** The most characters the index keeps over all posts; posts beyond it are left out, with a notice. */
export const maxTotalChars = 96 * 1024 * 1024;
/** The most distinct words kept for prefix matching. */
export const maxVocabulary = 200_000;
/** How long one slice of index work may hold the event loop before yielding. */
const sliceMs = 8;
const readAhead = 16;

/** One indexed post: its text as searched and what the filters need. */
export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  bodyStart: number;
  mtimeMs: number;
  size: number;
  /** True when only the first `maxPostChars` characters are kept. */
  partial: boolean;
}

/** The posts a query may look at, and how to find them. */
export interface SearchSource {
  site: SiteInfo;
  /** Every post the post index knows (its cached summaries). */
  summaries(): PostSummary[];
  /** The post index's cached summary of one post. */
  summary(id: string): PostSummary | null;
  /** The post index's fresh list (waits for a running scan). */
  refresh(): Promise<PostSummary[]>;
}

const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The full-text index of one site: FlexSearch indexes of titles and of whole texts (each post's
 * distinct words, so an index entry costs one slot per word and post), a vocabulary for prefix
 * matching, and each post's text (bounded per post and in total) for line matches and regexes.
 * It builds in slices of a few milliseconds and re-reads posts whose size or mtime changed.
 */
export class SearchIndex {
  readonly docs = new Map<string, SearchDoc>();
  private readonly words = new Index({ tokenize: 'strict', encoder: Charset.Exact });
  private readonly titles = new Index({ tokenize: 'strict', encoder: Charset.Exact });
  private readonly vocabulary = new Set<string>();
  private totalChars = 0;
  private readonly skipped = new Set<string>();
  private readonly leftOut = new Set<string>();
  private building: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private progress = { done: 0, total: 0 };
  private ready = false;

  constructor(
    private readonly source: SearchSource,
    private readonly onProgress: (status: SearchIndexStatus) => void = () => undefined,
  ) {}

  /** Starts (once) the background build and answers when it is done. */
  build(): Promise<void> {
    this.building ??= this.buildAll();
    return this.building;
  }

  /** Where the build is and what the index left out. */
  status(): SearchIndexStatus {
    return { ready: this.ready, ...this.progress, notice: this.notice() };
  }

  /** How many files were skipped as binary or not UTF-8. */
  skippedBinary(): number {
    return this.skipped.size;
  }

  /** A message about posts indexed in part or left out, or null. */
  notice(): string | null {
    const parts: string[] = [];
    const partial = [...this.docs.values()].filter((doc) => doc.partial).length;
    if (partial > 0)
      parts.push(
        `${partial} very large post(s) are searched only in their first ${maxPostChars / 1048576} MB`,
      );
    if (this.leftOut.size > 0)
      parts.push(
        `${this.leftOut.size} post(s) are not searched: the index holds at most ${maxTotalChars / 1048576} MB of text`,
      );
    if (this.skipped.size > 0) parts.push(`${this.skipped.size} binary or non-UTF-8 file(s) skipped`);
    return parts.length === 0 ? null : `${parts.join('; ')}.`;
  }

  /** Brings the index up to date with the post index (saves and watcher events change its summaries). */
  async sync(): Promise<void> {
    await this.build();
    this.syncing ??= this.syncChanged().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /** Ids of posts whose words include `word` (exact) or, with `prefix`, start with it, best first. */
  candidates(words: readonly string[], prefixLast: boolean): { titleHits: Set<string>; ids: string[] } {
    let result: string[] | null = null;
    const titleHits = new Set<string>();
    words.forEach((word, position) => {
      const expanded = prefixLast && position === words.length - 1 ? this.expand(word) : [word];
      const ids = new Set<string>();
      const ordered: string[] = [];
      for (const term of expanded) {
        for (const id of this.titles.search(term, { limit: 100000 }) as string[]) titleHits.add(id);
        for (const id of this.words.search(term, { limit: 100000 }) as string[]) {
          if (!ids.has(id)) {
            ids.add(id);
            ordered.push(id);
          }
        }
      }
      result = result === null ? ordered : (result as string[]).filter((id) => ids.has(id));
    });
    return { titleHits, ids: result ?? [] };
  }

  /** The indexed words that start with `prefix` (the word itself first), at most 64. */
  private expand(prefix: string): string[] {
    const found = [prefix];
    for (const word of this.vocabulary) {
      if (word !== prefix && word.startsWith(prefix)) {
        found.push(word);
        if (found.length >= 64) break;
      }
    }
    return found;
  }

  /** Indexes (or re-indexes) one post from disk; a gone post is dropped. */
  async update(id: string): Promise<void> {
    const file = path.join(this.source.site.root, ...id.split('/'));
    // Missing or unreadable: treated as absent.
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      this.remove(id);
      return;
    }
    // Missing or unreadable: read as absent, the caller falls back.
    const bytes = stat.size > maxEditableBytes ? null : await fs.readFile(file).catch(() => null);
    this.put(id, bytes, stat);
  }

  /** Drops a post from the index. */
  remove(id: string): void {
    const doc = this.docs.get(id);
    this.skipped.delete(id);
    this.leftOut.delete(id);
    if (!doc) return;
    this.totalChars -= doc.text.length;
    this.docs.delete(id);
    this.words.remove(id);
    this.titles.remove(id);
  }

  private put(id: string, bytes: Buffer | null, stat: { mtimeMs: number; size: number }): void {
    this.remove(id);
    if (bytes === null || readOnlyReason(bytes, stat.size) !== null) {
      this.skipped.add(id);
      return;
    }
    const whole = bytes.toString('utf8');
    const partial = whole.length > maxPostChars;
    const text = partial ? whole.slice(0, maxPostChars) : whole;
    if (this.totalChars + text.length > maxTotalChars) {
      this.leftOut.add(id);
      return;
    }
    const split = splitFrontMatter(text);
    const title = this.source.summary(id)?.title ?? path.posix.basename(id);
    const terms = termsOf(text);
    for (const term of terms) {
      if (this.vocabulary.size >= maxVocabulary) break;
      this.vocabulary.add(term);
    }
    this.words.add(id, `${termsOf(title).join(' ')} ${terms.join(' ')}`);
    this.titles.add(id, termsOf(title).join(' '));
    this.totalChars += text.length;
    this.docs.set(id, {
      id,
      title,
      text,
      bodyStart: split.bodyStart,
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      partial,
    });
  }

  private async buildAll(): Promise<void> {
    const posts = await this.source.refresh();
    await this.indexAll(posts.map((post) => post.id));
    this.ready = true;
    this.onProgress(this.status());
  }

  /** Reads and indexes `ids` a few files ahead, yielding whenever a slice took `sliceMs`. */
  private async indexAll(ids: readonly string[]): Promise<void> {
    this.progress = { done: 0, total: ids.length };
    this.onProgress(this.status());
    const root = this.source.site.root;
    const read = (id: string) => {
      const file = path.join(root, ...id.split('/'));
      return (
        fs
          .stat(file)
          .then(async (stat) => ({
            id,
            stat,
            bytes: stat.isFile() && stat.size <= maxEditableBytes ? await fs.readFile(file) : null,
          }))
          // A post removed or unreadable during the build is left out (the watcher reports its change).
          .catch(() => null)
      );
    };
    let sliceStart = performance.now();
    let lastReport = 0;
    for (let start = 0; start < ids.length; start += readAhead) {
      const batch = await Promise.all(ids.slice(start, start + readAhead).map(read));
      for (const entry of batch) {
        if (entry !== null) this.put(entry.id, entry.bytes, entry.stat);
        this.progress.done++;
        if (performance.now() - sliceStart >= sliceMs) {
          await yieldNow();
          sliceStart = performance.now();
        }
      }
      if (this.progress.done - lastReport >= 500) {
        lastReport = this.progress.done;
        this.onProgress(this.status());
      }
    }
  }

  private async syncChanged(): Promise<void> {
    const summaries = this.source.summaries();
    const known = new Set<string>();
    const changed: string[] = [];
    for (const summary of summaries) {
      known.add(summary.id);
      const doc = this.docs.get(summary.id);
      if (doc === undefined && (this.skipped.has(summary.id) || this.leftOut.has(summary.id))) continue;
      if (!doc || doc.mtimeMs !== summary.mtimeMs || doc.size !== summary.size) changed.push(summary.id);
    }
    for (const id of [...this.docs.keys()]) if (!known.has(id)) this.remove(id);
    for (const id of changed) await this.update(id);
  }
}
