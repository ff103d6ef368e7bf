import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PostSummary, SiteInfo } from '../../shared/api';
import { readHeaderText, summarize } from './post-summary';
import { toId } from './site-paths';

const postFile = /\.(md|markdown|mdown|html?)$/i;
const skippedFolders = new Set(['node_modules', 'public', 'resources', '_site', 'dist']);

/** True when a file name is one Postdesk lists as a post. */
export function isPostFileName(name: string): boolean {
  return postFile.test(name) && !name.startsWith('.');
}

/**
 * Lists every post file below the site's content folders, as site-relative ids (sorted), skipping
 * dot-folders (.git, .postdesk-trash), node_modules and generator output folders.
 */
export async function findPostFiles(site: SiteInfo): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const dir of site.contentDirs) {
    const start = dir === '.' ? site.root : path.join(site.root, dir);
    await walk(site.root, start, found, seen);
  }
  return found.sort();
}

async function walk(root: string, folder: string, found: string[], seen: Set<string>): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) await walk(root, full, found, seen);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isPostFileName(entry.name)) {
      const id = toId(root, full);
      if (!seen.has(id)) {
        seen.add(id);
        found.push(id);
      }
    }
  }
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  summary: PostSummary;
}

/**
 * The post list of one site. `refresh` re-reads only files whose mtime or size changed since the
 * last look, so re-listing a large site costs one stat per file.
 */
export class PostIndex {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly site: SiteInfo) {}

  /** Re-scans the content folders and answers every post's summary, sorted by id. */
  async refresh(): Promise<PostSummary[]> {
    const ids = await findPostFiles(this.site);
    const keep = new Set(ids);
    for (const id of this.cache.keys()) if (!keep.has(id)) this.cache.delete(id);
    const summaries = await mapLimited(ids, 32, (id) => this.summaryOf(id));
    return summaries.filter((summary): summary is PostSummary => summary !== null);
  }

  /** Re-reads one post's summary (or null when it is gone), refreshing the cache. */
  async summaryOf(id: string): Promise<PostSummary | null> {
    const file = path.join(this.site.root, ...id.split('/'));
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || !stat.isFile()) {
      this.cache.delete(id);
      return null;
    }
    const cached = this.cache.get(id);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.summary;
    const header = await readHeaderText(file).catch(() => null);
    if (header === null) return null;
    const summary = summarize(this.site, id, header, stat);
    this.cache.set(id, { mtimeMs: stat.mtimeMs, size: stat.size, summary });
    return summary;
  }

  /** Forgets a post (after it was removed). */
  forget(id: string): void {
    this.cache.delete(id);
  }
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(runners);
  return results;
}
