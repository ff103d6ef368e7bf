import { closeSync, fstatSync, openSync, promises as fs, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PostProblemCount, SchemaField, SiteInfo } from '../../shared/api';
import { checkPost } from '../../shared/lint/check-post';
import { findSiteRefs } from '../../shared/lint/site-refs';
import { detectBodyKind } from '../../shared/post/body-kind';
import { readFrontMatter } from '../../shared/post/front-matter/front-matter-edit';
import { validateFrontMatter } from '../../shared/post/front-matter/validate-front-matter';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { maxEditableBytes } from './post-summary';
import { CheckPool, problemsWorkerScript } from './problems/check-pool';
import { readSiteSchema } from './site-schema';

/** What one pass knows about the site besides the posts: the schema's fields and the static files. */
export interface SiteFacts {
  /** The site schema's front matter fields (empty when the site has no schema). */
  fields: readonly SchemaField[];
  /** Site-relative ids of every file below the static folder, listed once per pass. */
  staticFiles: ReadonlySet<string>;
  /** The static folder these ids are below, or null when the site has none. */
  staticDir: string | null;
  /** True when a site-relative id outside the static folder is an existing file (page bundle resources). */
  fileExists(id: string): boolean;
}

/** How many problems one post's text has and the first one's message. */
export interface ProblemResult {
  count: number;
  first: string | null;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const skippedStatic = new Set(['node_modules']);

/**
 * Lists what a pass needs to know once: the schema fields (readSiteSchema) and the static folder's
 * files as a Set, so the missing-file check costs a lookup per reference instead of a stat.
 */
export async function readSiteFacts(site: SiteInfo): Promise<SiteFacts> {
  // No schema file, or one that does not parse: no schema checks.
  const schema = await readSiteSchema(site.root).catch(() => null);
  const staticFiles = new Set<string>();
  if (site.staticDir !== null) {
    const start = site.staticDir === '.' ? site.root : path.join(site.root, site.staticDir);
    const prefix = site.staticDir === '.' ? '' : `${site.staticDir}/`;
    // A folder that is missing or cannot be listed has no entries.
    const entries = await fs.readdir(start, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = path.relative(start, path.join(entry.parentPath, entry.name)).split(path.sep);
      if (relative.some((part) => skippedStatic.has(part))) continue;
      staticFiles.add(prefix + relative.join('/'));
    }
  }
  const known = new Map<string, boolean>();
  return {
    fields: schema?.fields ?? [],
    staticFiles,
    staticDir: site.staticDir,
    fileExists(id) {
      let exists = known.get(id);
      if (exists === undefined) {
        try {
          exists = statSync(path.join(site.root, ...id.split('/'))).isFile();
        } catch {
          // Missing or unreadable: the link points at no file (that is the problem reported).
          exists = false;
        }
        known.set(id, exists);
      }
      return exists;
    },
  };
}

/**
 * Runs every check of a post that needs no network on its whole text: the content checks of
 * shared/lint (mojibake, images without alt, target=_blank without noopener, repeated style
 * properties, empty title, unreadable dates, missing site files) and the site schema's validation
 * (required fields, wrong types, invalid dates), counting a problem found by both only once.
 */
export function checkPostProblems(id: string, text: string, facts: SiteFacts): ProblemResult {
  const split = splitFrontMatter(text);
  if (split.error) return { count: 1, first: split.error };
  const messages: string[] = [];
  const fileName = id.slice(id.lastIndexOf('/') + 1);
  const body = text.slice(split.bodyStart);
  const kind = detectBodyKind(fileName, body);
  if (split.format !== null) {
    const read = readFrontMatter(text.slice(split.rawStart, split.rawEnd), split.format);
    if (!read.ok) return { count: 1, first: read.error };
    if (facts.fields.length > 0) {
      for (const problem of validateFrontMatter(read.data, facts.fields)) messages.push(problem.message);
    }
  }
  const refs = findSiteRefs(body, kind === 'markdown', facts.staticDir, id);
  const staticPrefix = facts.staticDir === null || facts.staticDir === '.' ? '' : `${facts.staticDir}/`;
  const existing = new Set<string>();
  for (const ref of refs) {
    const inStatic = staticPrefix === '' || ref.id.startsWith(staticPrefix);
    if (inStatic ? facts.staticFiles.has(ref.id) || facts.fileExists(ref.id) : facts.fileExists(ref.id)) {
      existing.add(ref.id);
    }
  }
  const lint = checkPost(text, kind, { refs, existing });
  // The schema check also flags a missing title or an unreadable date: count those once.
  const lintTitle = lint.some((problem) => problem.code === 'empty-title');
  const badDates = new Set(
    lint
      .filter((problem) => problem.code === 'bad-date')
      .map((problem) => /"([^"]*)"/.exec(problem.message)?.[1]),
  );
  const kept = messages.filter((message) => {
    if (lintTitle && isTitleMessage(message, facts.fields)) return false;
    const date = /^"(.*)" is not a date/.exec(message)?.[1];
    return date === undefined || !badDates.has(date);
  });
  const all = [...kept, ...lint.map((problem) => problem.message)];
  return { count: all.length, first: all[0] ?? null };
}

function isTitleMessage(message: string, fields: readonly SchemaField[]): boolean {
  const title = fields.find((field) => field.name === 'title');
  return title !== undefined && message === `${title.label ?? title.name} is required.`;
}

/** Reads a post whole for the checks, or answers the one problem that keeps it from being checked. */
export function readPostText(
  file: string,
  known: (stat: { mtimeMs: number; size: number }) => boolean,
): { stat: { mtimeMs: number; size: number }; text: string | null; problem: string | null } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    // A post that cannot be opened is skipped by the checks (the list shows its read error).
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    const stat = { mtimeMs: info.mtimeMs, size: info.size };
    if (known(stat)) return { stat, text: null, problem: null };
    if (info.size > maxEditableBytes) {
      return { stat, text: null, problem: 'The file is too large to check: it opens read-only.' };
    }
    const buffer = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < info.size) {
      const got = readSync(fd, buffer, read, info.size - read, read);
      if (got === 0) break;
      read += got;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.includes(0)) {
      return { stat, text: null, problem: 'The file holds NUL bytes: it looks binary, not text.' };
    }
    try {
      return { stat, text: fatalDecoder.decode(bytes), problem: null };
    } catch {
      // Not UTF-8: reported as the post's problem.
      return { stat, text: null, problem: 'The file is not valid UTF-8 text.' };
    }
  } catch {
    // A read failing half-way: the post is skipped this pass and checked again on its next change.
    return null;
  } finally {
    closeSync(fd);
  }
}

interface CacheEntry extends ProblemResult {
  mtimeMs: number;
  size: number;
  notChecked?: 'too-slow';
}

/** Options of the background checker. */
export interface PostProblemsOptions {
  /** How long one slice of checks may hold the event loop before yielding (default 8 ms; in-process only). */
  sliceMs?: number;
  /** The bundled worker script; default problemsWorkerScript(); null checks in the host, sliced. */
  workerScript?: string | null;
  /** How many worker threads (default 2). */
  workers?: number;
  /** How long one post may be checked before it is reported "not checked: too slow" (default 3,000 ms). */
  budgetMs?: number;
}

/**
 * Checks the posts of one site in the background, in a pool of worker threads (each post within a
 * budget: one that runs past it is reported "not checked: too slow" and the pass goes on), caching
 * each post's result by mtime+size; `publish` hears the results that changed (or are new) as they
 * come, and again when `recheck` sees a post change. Without a worker script it checks in the host,
 * a slice of a few milliseconds at a time.
 */
export class PostProblems {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly published = new Map<string, string>();
  private facts: Promise<SiteFacts> | null = null;
  private generation = 0;
  private stopped = false;
  private readonly sliceMs: number;
  private readonly workerScript: string | null;
  private pool: CheckPool | null = null;
  /** The longest slice of the last in-process pass, in ms (for the bench). */
  longestSliceMs = 0;

  constructor(
    private readonly site: SiteInfo,
    private readonly publish: (batch: PostProblemCount[]) => void,
    private readonly options: PostProblemsOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? 8;
    this.workerScript = options.workerScript === undefined ? problemsWorkerScript() : options.workerScript;
  }

  /** True when the checks run in worker threads (a worker script was found). */
  get threaded(): boolean {
    return this.workerScript !== null;
  }

  /**
   * Checks every post of `ids` (a full pass: the schema and the static folder are read again);
   * a newer pass or `stop` ends an older one early. Resolves when the pass is over.
   */
  async pass(ids: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    const pool = this.threads();
    if (pool) {
      pool.setSite(this.site);
      await this.checkInPool(pool, ids, generation);
      return;
    }
    this.facts = readSiteFacts(this.site);
    const facts = await this.facts;
    this.longestSliceMs = 0;
    let index = 0;
    while (index < ids.length) {
      if (this.stopped || generation !== this.generation) return;
      const started = performance.now();
      const batch: PostProblemCount[] = [];
      do {
        const id = ids[index++] as string;
        const found = this.checkSync(id, facts);
        if (found) batch.push(found);
      } while (index < ids.length && performance.now() - started < this.sliceMs);
      this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - started);
      this.send(batch);
      if (index < ids.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Checks one post again (after the watcher or a save saw it change) and publishes what changed. */
  async recheck(id: string): Promise<void> {
    if (this.stopped) return;
    const pool = this.threads();
    if (pool) {
      await this.checkInPool(pool, [id], this.generation);
      return;
    }
    this.facts ??= readSiteFacts(this.site);
    const facts = await this.facts;
    const found = this.checkSync(id, facts);
    if (found) this.send([found]);
    else this.forget(id);
  }

  /** What the last check of a post found, or null when it was not checked yet. */
  known(id: string): PostProblemCount | null {
    const entry = this.cache.get(id);
    return entry ? countOf(id, entry) : null;
  }

  /** Forgets a removed post. */
  forget(id: string): void {
    this.cache.delete(id);
    this.published.delete(id);
  }

  /** Ends any running pass and the worker threads; later calls do nothing. */
  stop(): void {
    this.stopped = true;
    this.pool?.close();
    this.pool = null;
  }

  private threads(): CheckPool | null {
    if (this.stopped || this.workerScript === null) return null;
    if (!this.pool) {
      this.pool = new CheckPool({
        script: this.workerScript,
        size: this.options.workers ?? 2,
        budgetMs: this.options.budgetMs ?? 3000,
      });
      this.pool.setSite(this.site);
    }
    return this.pool;
  }

  private async checkInPool(pool: CheckPool, ids: readonly string[], generation: number): Promise<void> {
    const requests = ids.map((id) => {
      const cached = this.cache.get(id);
      return { id, known: cached ? { mtimeMs: cached.mtimeMs, size: cached.size } : null };
    });
    await pool.check(requests, (answers) => {
      if (this.stopped || generation !== this.generation) return;
      const batch: PostProblemCount[] = [];
      for (const answer of answers) {
        if (answer.state === 'gone') {
          this.forget(answer.id);
          continue;
        }
        let entry = this.cache.get(answer.id);
        if (answer.state === 'checked') {
          entry = { mtimeMs: answer.mtimeMs, size: answer.size, count: answer.count, first: answer.first };
        } else if (answer.state === 'too-slow') {
          const stat = statOf(path.join(this.site.root, ...answer.id.split('/')));
          entry = { ...stat, count: 0, first: tooSlowText, notChecked: 'too-slow' };
        }
        if (!entry) continue;
        this.cache.set(answer.id, entry);
        batch.push(countOf(answer.id, entry));
      }
      this.send(batch);
    });
  }

  private send(batch: PostProblemCount[]): void {
    const changed = batch.filter((entry) => {
      const key = `${entry.count}\u0000${entry.first ?? ''}\u0000${entry.notChecked ?? ''}`;
      if (this.published.get(entry.id) === key) return false;
      this.published.set(entry.id, key);
      return true;
    });
    if (changed.length > 0) this.publish(changed);
  }

  private checkSync(id: string, facts: SiteFacts): PostProblemCount | null {
    const cached = this.cache.get(id);
    const read = readPostText(
      path.join(this.site.root, ...id.split('/')),
      (stat) => cached !== undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size,
    );
    if (read === null) {
      this.cache.delete(id);
      return null;
    }
    let result: ProblemResult;
    if (read.text === null && read.problem === null && cached) result = cached;
    else if (read.text === null) result = { count: 1, first: read.problem };
    else result = checkPostProblems(id, read.text, facts);
    this.cache.set(id, { ...read.stat, count: result.count, first: result.first });
    return { id, count: result.count, first: result.first };
  }
}

/** The text a post gets when its checks ran past their budget. */
export const tooSlowText = 'Not checked: the checks took too long on this post.';

function countOf(id: string, entry: CacheEntry): PostProblemCount {
  const count: PostProblemCount = { id, count: entry.count, first: entry.first };
  if (entry.notChecked) count.notChecked = entry.notChecked;
  return count;
}

function statOf(file: string): { mtimeMs: number; size: number } {
  try {
    const info = statSync(file);
    return { mtimeMs: info.mtimeMs, size: info.size };
  } catch {
    // Missing: a stamp that never matches, so the post is checked again.
    return { mtimeMs: 0, size: -1 };
  }
}
