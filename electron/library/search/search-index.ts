import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PostSummary, SiteInfo } from '../../../shared/api';
import type { SearchIndexStatus } from '../../../shared/api-search';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { maxEditableBytes } from '../post-summary';
import { readWholeSync } from '../read-whole-sync';
import { termSet } from './search-matcher';
import { WordIndex } from './word-index';

/** The most characters of one post the search index keeps (the rest of a huge post is not searched). */
export const maxPostChars = 1024 * 1024;
/** The most characters the index keeps over all posts; posts beyond it are left out, with a notice. */
export const maxTotalChars = 96 * 1024 * 1024;
/** The most indexed words one prefix stands for in a query (`harb` for harbour, harbours, ...). */
export const maxPrefixWords = 64;
/** How long one slice of index work may hold the event loop before yielding. */
const sliceMs = 8;
/** Opens refuse a symbolic link in place of a post (the scan listed a file; a swap is not followed). */
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);
/** Decodes strict UTF-8 and keeps a byte order mark as U+FEFF, so offsets match the editor's text. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a post's bytes, or null when they are not safe to edit as text (NUL bytes, not UTF-8). */
export function decodePostText(bytes: Uint8Array): string | null {
  if (bytes.indexOf(0) !== -1) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8: not text the search can index.
    return null;
  }
}

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
  /** The post index's list (a running scan's, else the last completed one's; scans when none ran). */
  refresh(): Promise<PostSummary[]>;
  /** A number the post index changes whenever one of its summaries changes (nothing to sync while equal). */
  generation(): number;
}

/** The distinct words a post is indexed under: those of its title and text, and those of its title. */
interface IndexedWords {
  text: Set<string>;
  title: Set<string>;
}

function wordsOf(title: string, text: string): IndexedWords {
  const titleWords = termSet(title);
  const all = termSet(text);
  for (const word of titleWords) all.add(word);
  return { text: all, title: titleWords };
}

const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The full-text index of one site: word indexes of titles and of whole texts (each post's distinct
 * words, so an entry costs one slot per word and post; the sorted words serve prefix matching), and
 * each post's text (bounded per post and in total) for line matches and regexes. It builds in
 * slices of a few milliseconds and re-reads posts whose size or mtime changed.
 */
export class SearchIndex {
  readonly docs = new Map<string, SearchDoc>();
  private readonly words = new WordIndex();
  private readonly titles = new WordIndex();
  private totalChars = 0;
  private readonly skipped = new Set<string>();
  private readonly leftOut = new Set<string>();
  private building: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private progress = { done: 0, total: 0 };
  private ready = false;
  private partialCount = 0;
  /** The post index's generation the index last synced with. */
  private synced = -1;

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
    const partial = this.partialCount;
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
    if (this.syncing === null && this.synced === this.source.generation()) return;
    this.syncing ??= this.syncChanged().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /**
   * Ids of posts holding every one of `words` (the last one, with `prefixLast`, as a word prefix),
   * in the order they were indexed; `titleHits` are the posts whose title holds one of them.
   */
  candidates(words: readonly string[], prefixLast: boolean): { titleHits: Set<string>; ids: string[] } {
    const titleHits = new Set<string>();
    const sets: ReadonlySet<string>[] = words.map((word, position) => {
      const expanded =
        prefixLast && position === words.length - 1
          ? this.words.wordsStartingWith(word, maxPrefixWords)
          : [word];
      for (const term of expanded) for (const id of this.titles.postsWith(term)) titleHits.add(id);
      if (expanded.length === 1) return this.words.postsWith(expanded[0] as string);
      const union = new Set<string>();
      for (const term of expanded) for (const id of this.words.postsWith(term)) union.add(id);
      return union;
    });
    if (sets.length === 0) return { titleHits, ids: [] };
    // Walk the smallest set and keep the ids every other set holds.
    const smallest = sets.reduce((best, set) => (set.size < best.size ? set : best));
    const ids: string[] = [];
    for (const id of smallest) if (sets.every((set) => set === smallest || set.has(id))) ids.push(id);
    return { titleHits, ids };
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
    this.put(id, bytes === null ? null : decodePostText(bytes), stat);
  }

  /** Indexes `text`, which this process just wrote as post `id` with `stat` (no re-read). */
  written(id: string, text: string, stat: { mtimeMs: number; size: number }): void {
    this.put(id, text, stat);
  }

  /** Drops a post from the index. */
  remove(id: string): void {
    const doc = this.forget(id);
    if (doc) this.unindex(doc, null);
  }

  /** Drops a post from the texts and counts (its words stay in the word indexes). */
  private forget(id: string): SearchDoc | undefined {
    const doc = this.docs.get(id);
    this.skipped.delete(id);
    this.leftOut.delete(id);
    if (!doc) return undefined;
    this.totalChars -= doc.text.length;
    if (doc.partial) this.partialCount--;
    this.docs.delete(id);
    return doc;
  }

  /** Removes a post from the word indexes under the words of `doc` that `kept` does not hold. */
  private unindex(doc: SearchDoc, kept: IndexedWords | null): void {
    const was = wordsOf(doc.title, doc.text);
    for (const word of was.text) if (!kept?.text.has(word)) this.words.remove(doc.id, [word]);
    for (const word of was.title) if (!kept?.title.has(word)) this.titles.remove(doc.id, [word]);
  }

  /**
   * Indexes one post's text (null: skipped as binary, not UTF-8 or too large). A post indexed
   * before leaves only the words it lost and gains only new ones (a save changes a few words).
   */
  private put(id: string, whole: string | null, stat: { mtimeMs: number; size: number }): void {
    const old = this.forget(id);
    if (whole === null || stat.size > maxEditableBytes) {
      if (old) this.unindex(old, null);
      this.skipped.add(id);
      return;
    }
    const partial = whole.length > maxPostChars;
    const text = partial ? whole.slice(0, maxPostChars) : whole;
    if (this.totalChars + text.length > maxTotalChars) {
      if (old) this.unindex(old, null);
      this.leftOut.add(id);
      return;
    }
    const split = splitFrontMatter(text);
    const title = this.source.summary(id)?.title ?? path.posix.basename(id);
    const now = wordsOf(title, text);
    if (old) this.unindex(old, now);
    this.words.add(id, now.text);
    this.titles.add(id, now.title);
    this.totalChars += text.length;
    if (partial) this.partialCount++;
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
    const generation = this.source.generation();
    await this.indexAll(posts.map((post) => post.id));
    // Changes seen while building are picked up by the next sync.
    if (generation === this.source.generation()) this.synced = generation;
    this.ready = true;
    this.onProgress(this.status());
  }

  /**
   * Reads (one open, fstat and read each) and indexes `ids` in slices of `sliceMs`, yielding to the
   * event loop between slices: the promise API's per-file cost was most of the time of a cold build.
   */
  private async indexAll(ids: readonly string[]): Promise<void> {
    this.progress = { done: 0, total: ids.length };
    this.onProgress(this.status());
    const root = this.source.site.root;
    let lastReport = 0;
    let at = 0;
    while (at < ids.length) {
      const sliceStart = performance.now();
      do {
        const id = ids[at++] as string;
        const read = readWholeSync(path.join(root, ...id.split('/')), maxEditableBytes, { flags: openFlags });
        if (read !== null) this.put(id, read.bytes === null ? null : decodePostText(read.bytes), read.stat);
        this.progress.done++;
      } while (at < ids.length && performance.now() - sliceStart < sliceMs);
      if (this.progress.done - lastReport >= 500) {
        lastReport = this.progress.done;
        this.onProgress(this.status());
      }
      if (at < ids.length) await yieldNow();
    }
  }

  private async syncChanged(): Promise<void> {
    const generation = this.source.generation();
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
    this.synced = generation;
  }
}
