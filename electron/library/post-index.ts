import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import type { IndexProgressEvent, PostSummary, SiteInfo } from '../../shared/api';
import { listingRules, opensWithFrontMatter, type ListingRules } from './post-rules';
import { readHeader, readHeaderSync, summarize } from './post-summary';
import { isInside, resolveExisting, toId } from './site-paths';

const postFile = /\.(md|mdx|markdown|mdown|html?)$/i;
const bundleIndex = /^index\.(md|mdx|markdown|mdown|html?)$/i;

/** How many files the index reads between progress reports. */
export const indexBatchSize = 500;
/** How many files the index reads (synchronously, a few milliseconds) between event-loop yields. */
const readSlice = 64;

/** True when a file name is one Postdesk lists as a post. */
export function isPostFileName(name: string): boolean {
  return postFile.test(name) && !name.startsWith('.');
}

/** True when a file name is a leaf page bundle's index (`index.md`): its folder is the post. */
export function isBundleIndexName(name: string): boolean {
  return bundleIndex.test(name);
}

/** How deep and how wide a scan of the content folders may go (a hostile site is bounded, not followed). */
export interface ScanLimits {
  /** Folder levels below a content folder. */
  maxDepth: number;
  /** Directory entries looked at in one scan. */
  maxEntries: number;
}

/** The bounds of a normal scan: far above real sites (Hugo's largest are near 100,000 posts). */
export const defaultScanLimits: ScanLimits = { maxDepth: 32, maxEntries: 400_000 };

/** What a scan found: the post ids (sorted) and what the user should know about what it skipped. */
export interface PostScan {
  ids: string[];
  notices: string[];
}

/**
 * Lists every post file below the site's content folders, as site-relative ids (sorted), skipping
 * dot-folders (.git, .postdesk-trash), node_modules and generator output folders. In a leaf page
 * bundle (a folder with an `index.md`) only the index file is a post; the rest are its resources.
 */
export async function findPostFiles(site: SiteInfo): Promise<string[]> {
  return (await scanPostFiles(site)).ids;
}

/**
 * `findPostFiles` with its notices: symbolic links to folders are never followed (a content folder
 * that is itself a link is used only when it resolves inside the site), each real folder is read
 * once, depth and entry count are bounded by `limits`, and unreadable folders (ELOOP, EMFILE,
 * EACCES) are skipped with a notice instead of failing the scan.
 */
export async function scanPostFiles(
  site: SiteInfo,
  limits: ScanLimits = defaultScanLimits,
): Promise<PostScan> {
  const found: string[] = [];
  const seen = new Set<string>();
  const scan: ScanState = { limits, entries: 0, realFolders: new Set(), notices: new Set() };
  const rules = listingRules(site);
  const starts = [
    ...site.contentDirs.map((dir) => ({ dir, pages: false })),
    ...(site.pageDirs ?? []).map((dir) => ({ dir, pages: true })),
  ];
  for (const { dir, pages } of starts) {
    const start = dir === '.' ? site.root : path.join(site.root, dir);
    // A missing path or broken link resolves to nothing: treated as absent.
    const real = await fs.realpath(start).catch(() => null);
    if (real === null) continue;
    if (!isInside(site.root, real)) {
      scan.notices.add(`${dir}/ is a symbolic link that leads outside the site: nothing is listed from it.`);
      continue;
    }
    await walk(site.root, start, found, seen, scan, 0, rules, pages);
  }
  return { ids: found.sort(), notices: [...scan.notices] };
}

interface ScanState {
  limits: ScanLimits;
  entries: number;
  /** Real paths of the folders read so far: a folder reached twice is read once. */
  realFolders: Set<string>;
  notices: Set<string>;
}

/** How many folders a scan reads at once (each one holds a file descriptor while it is read). */
const folderConcurrency = 8;

async function walk(
  root: string,
  folder: string,
  found: string[],
  seen: Set<string>,
  scan: ScanState,
  depth: number,
  rules: ListingRules,
  pages: boolean,
): Promise<void> {
  if (depth > scan.limits.maxDepth) {
    scan.notices.add(`Folders nested deeper than ${scan.limits.maxDepth} levels were not listed.`);
    return;
  }
  if (scan.entries >= scan.limits.maxEntries) return;
  // A missing path or broken link resolves to nothing: treated as absent.
  const real = await fs.realpath(folder).catch(() => null);
  if (real === null || !isInside(root, real) || scan.realFolders.has(real)) return;
  scan.realFolders.add(real);
  const entries = await readFolder(folder, scan, toId(root, folder) || '.');
  if (scan.entries + entries.length > scan.limits.maxEntries) {
    scan.notices.add(
      `The content folders hold more than ${scan.limits.maxEntries.toLocaleString('en')} entries: only the first were listed.`,
    );
    entries.length = Math.max(0, scan.limits.maxEntries - scan.entries);
  }
  scan.entries += entries.length;
  const add = (full: string): void => {
    const id = toId(root, full);
    if (!seen.has(id)) {
      seen.add(id);
      found.push(id);
    }
  };
  const index = entries.find((entry) => !entry.isDirectory() && isBundleIndexName(entry.name));
  if (index && folder !== root && !pages && rules.bundles) {
    add(path.join(folder, index.name));
    return;
  }
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!rules.skipFolder(toId(root, full), entry.name, pages)) folders.push(full);
    } else if (rules.skipFile(entry.name, folder === root ? '' : toId(root, folder))) {
      continue;
    } else if (entry.isFile() && isPostFileName(entry.name)) {
      if (!pages || (await opensWithFrontMatter(full))) add(full);
    } else if (entry.isSymbolicLink() && isPostFileName(entry.name)) {
      // A linked post is listed only when its target is inside the site (never read outside it).
      const target = await fs.realpath(full).catch(() => null);
      if (target !== null && isInside(root, target)) add(full);
    }
  }
  for (let start = 0; start < folders.length; start += folderConcurrency) {
    const slice = folders.slice(start, start + folderConcurrency);
    await Promise.all(slice.map((child) => walk(root, child, found, seen, scan, depth + 1, rules, pages)));
  }
}

/** Reads one folder's entries; EMFILE is retried after a pause, other failures skip it with a notice. */
async function readFolder(folder: string, scan: ScanState, id: string): Promise<Dirent[]> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'EMFILE' || code === 'ENFILE') && attempt < 5) {
        await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
        continue;
      }
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        scan.notices.add(`The folder ${id} could not be read (${code ?? 'error'}) and was skipped.`);
      }
      return [];
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
 * last look, so re-listing a large site costs one stat per file. Reads run a bounded number at a
 * time, report progress every `indexBatchSize` files and yield to the event loop between batches.
 */
export class PostIndex {
  private readonly cache = new Map<string, CacheEntry>();
  private running: Promise<PostSummary[]> | null = null;
  private scanNotices: string[] = [];
  private changes = 0;
  private scanned = false;

  constructor(private readonly site: SiteInfo) {}

  /**
   * Re-scans the content folders and answers every post's summary, sorted by id; `onProgress` hears
   * `{done, total}` at the start, after each batch and at the end. Concurrent calls share one scan.
   */
  refresh(onProgress?: (progress: IndexProgressEvent) => void): Promise<PostSummary[]> {
    if (this.running) return this.running;
    this.running = this.scan(onProgress).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The running scan's list, else the cached list when a scan has completed, else a new scan's. */
  listed(): Promise<PostSummary[]> {
    if (this.running) return this.running;
    if (!this.scanned) return this.refresh();
    return Promise.resolve(this.all().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  /** A number that changes whenever a cached summary is added, changed or forgotten. */
  generation(): number {
    return this.changes;
  }

  private async scan(onProgress?: (progress: IndexProgressEvent) => void): Promise<PostSummary[]> {
    const { ids, notices } = await scanPostFiles(this.site);
    this.scanNotices = notices;
    const keep = new Set(ids);
    for (const id of this.cache.keys()) if (!keep.has(id)) this.drop(id);
    const total = ids.length;
    onProgress?.({ done: 0, total });
    const summaries: Array<PostSummary | null> = [];
    for (let start = 0; start < total; start += readSlice) {
      for (const id of ids.slice(start, start + readSlice)) summaries.push(this.summaryOfSync(id));
      const done = Math.min(start + readSlice, total);
      if (done < total) {
        if (done % indexBatchSize < readSlice) onProgress?.({ done, total });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    onProgress?.({ done: total, total });
    this.scanned = true;
    return summaries.filter((summary): summary is PostSummary => summary !== null);
  }

  /** What the last scan skipped and the user should know (symbolic links leading out, limits, unreadable folders). */
  notices(): readonly string[] {
    return this.scanNotices;
  }

  /** Re-reads one post's summary (or null when it is gone or leads outside the site), refreshing the cache. */
  async summaryOf(id: string): Promise<PostSummary | null> {
    // Outside the site, missing, or a link leading out: treated as absent.
    const real = await resolveExisting(this.site.root, id).catch(() => null);
    // Missing or unreadable: treated as absent.
    const stat = real === null ? null : await fs.stat(real).catch(() => null);
    if (real === null || !stat || !stat.isFile()) {
      this.drop(id);
      return null;
    }
    const cached = this.cache.get(id);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.summary;
    // An unreadable header: the post is treated as absent.
    const header = await readHeader(real).catch(() => null);
    if (header === null) return null;
    const summary = summarize(this.site, id, header, stat);
    this.changes++;
    this.cache.set(id, { mtimeMs: stat.mtimeMs, size: stat.size, summary });
    return summary;
  }

  /**
   * `summaryOf` with synchronous reads (one open, fstat, read and close; the cache hit costs no
   * read): the index calls it for a small slice of files at a time, yielding between slices.
   */
  private summaryOfSync(id: string): PostSummary | null {
    const file = path.join(this.site.root, ...id.split('/'));
    const cached = this.cache.get(id);
    const found = readHeaderSync(
      file,
      (stat) => cached !== undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size,
    );
    if (found === null) {
      this.drop(id);
      return null;
    }
    if (found.read === null && cached) return cached.summary;
    if (found.read === null) return null;
    const summary = summarize(this.site, id, found.read, found.stat);
    this.changes++;
    this.cache.set(id, { mtimeMs: found.stat.mtimeMs, size: found.stat.size, summary });
    return summary;
  }

  /** The cached summary of a post, without touching the disk. */
  cached(id: string): PostSummary | null {
    return this.cache.get(id)?.summary ?? null;
  }

  /** Every cached summary (what the last refresh and later updates saw). */
  all(): PostSummary[] {
    return [...this.cache.values()].map((entry) => entry.summary);
  }

  private drop(id: string): void {
    if (this.cache.delete(id)) this.changes++;
  }

  /** Forgets a post (after it was removed). */
  forget(id: string): void {
    this.drop(id);
  }

  /** Forgets every post below folder id `prefix` and answers their ids (after a folder was removed). */
  forgetFolder(prefix: string): string[] {
    const gone = [...this.cache.keys()].filter((id) => id.startsWith(`${prefix}/`));
    for (const id of gone) this.drop(id);
    return gone;
  }
}
