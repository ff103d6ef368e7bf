import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PostProblemCount, SchemaField, SiteInfo } from '../../shared/api';
import { CheckPool, problemsWorkerScript } from './problems/check-pool';
import {
  checkPostProblems,
  listSiteFacts,
  readPostText,
  type ProblemResult,
  type SiteFacts,
} from './problems/post-checks';
import { readSiteSchema } from './site-schema';

export { checkPostProblems, readPostText, type ProblemResult, type SiteFacts } from './problems/post-checks';

/** The schema's fields (none when the site has no schema or it cannot be read). */
async function schemaFields(site: SiteInfo): Promise<readonly SchemaField[]> {
  // No schema file, or one that does not parse: no schema checks.
  return (await readSiteSchema(site.root).catch(() => null))?.fields ?? [];
}

/** Reads what a pass needs to know once: the schema's fields and the static folder's files. */
export async function readSiteFacts(site: SiteInfo): Promise<SiteFacts> {
  return listSiteFacts(site, await schemaFields(site));
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
  /** How many worker threads (default one per core, 1 to 4: defaultPoolSize()). */
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
  /** Resolves once the workers were told the site and its schema's fields for the latest pass. */
  private told: Promise<void> | null = null;
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
      this.told = this.tellSite(pool);
      await this.told;
      if (this.stopped || generation !== this.generation) return;
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
      this.told ??= this.tellSite(pool);
      await this.told;
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
        ...(this.options.workers === undefined ? {} : { size: this.options.workers }),
        budgetMs: this.options.budgetMs ?? 3000,
      });
    }
    return this.pool;
  }

  /** Reads the schema's fields here (the workers have no schema reader) and tells the workers the site. */
  private async tellSite(pool: CheckPool): Promise<void> {
    const fields = await schemaFields(this.site);
    if (!this.stopped) pool.setSite(this.site, fields);
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
      cached !== undefined,
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
