import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImageType, SiteImage, SiteInfo } from '../../../shared/api';
import { siteFileForUrl } from '../../../shared/render/asset-paths';
import { findPostFiles } from '../post-index';
import { isInside, toId } from '../site-paths';
import { imageTypeOfName, readImageSize, sniffImageType } from './image-type';
import { readStart } from '../read-start';

const skippedFolders = new Set(['node_modules', 'public', 'resources', '_site', 'dist', 'vendor']);
/** Bytes read first for an image's header; more only when its dimensions lie further in. */
const headerSteps = [4 * 1024, 256 * 1024];
/** A URL or path in a post that ends like an image file name (Markdown, HTML, front matter, srcset). */
// A match may only start where a run of path characters starts (the lookbehind), so long runs
// such as base64 data URIs are scanned once, not once per position.
const imageReference =
  /(?<![^\s"'`()<>[\]{},=|])[^\s"'`()<>[\]{},=|]+\.(?:png|jpe?g|jpe|gif|webp|avif|svg)(?=[\s"'`()<>[\]{},?#|]|$)/gi;

interface ImageEntry {
  mtimeMs: number;
  size: number;
  type: ImageType;
  width: number | null;
  height: number | null;
}

interface PostEntry {
  mtimeMs: number;
  size: number;
  references: string[];
}

/**
 * The images of one site, listed on demand: every image file below the static folder and the
 * content folders (page bundles), with its size, pixel dimensions and the posts that refer to it.
 * Headers and post texts are read again only for files whose mtime or size changed.
 */
export class ImageCatalog {
  private readonly images = new Map<string, ImageEntry>();
  private readonly posts = new Map<string, PostEntry>();

  constructor(private readonly site: SiteInfo) {}

  /** Answers every image of the site, sorted by id, with the posts using each. */
  async list(): Promise<SiteImage[]> {
    const ids = await this.findImageFiles();
    const entries = await mapLimited(ids, 16, (id) => this.imageEntry(id));
    const usage = await this.usage(new Set(ids));
    const result: SiteImage[] = [];
    ids.forEach((id, index) => {
      const entry = entries[index];
      if (!entry) return;
      result.push({
        id,
        url: this.siteRootUrl(id),
        type: entry.type,
        size: entry.size,
        width: entry.width,
        height: entry.height,
        mtimeMs: entry.mtimeMs,
        usedBy: [...(usage.get(id) ?? [])].sort(),
      });
    });
    return result;
  }

  private siteRootUrl(id: string): string | null {
    const staticDir = this.site.staticDir;
    if (staticDir === null) return null;
    if (staticDir === '.') return `/${id}`;
    return id.startsWith(`${staticDir}/`) ? id.slice(staticDir.length) : null;
  }

  private async findImageFiles(): Promise<string[]> {
    const { root, staticDir, contentDirs } = this.site;
    const starts = new Set<string>();
    if (staticDir !== null) starts.add(staticDir);
    for (const dir of contentDirs) starts.add(dir);
    if (this.site.generator === 'jekyll') starts.add('assets');
    const found = new Set<string>();
    for (const start of starts) {
      const folder = start === '.' ? root : path.join(root, start);
      // A static or content folder that is a symbolic link leading out of the site lists nothing.
      const real = await fs.realpath(folder).catch(() => null);
      if (real !== null && isInside(root, real)) await walk(root, folder, found);
    }
    return [...found].sort();
  }

  private async imageEntry(id: string): Promise<ImageEntry | null> {
    const file = path.join(this.site.root, ...id.split('/'));
    // Missing or unreadable: treated as absent.
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      this.images.delete(id);
      return null;
    }
    const cached = this.images.get(id);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    let bytes = await readStart(file, headerSteps[0] as number);
    const type = sniffImageType(bytes);
    if (type === null) return null;
    let dimensions = readImageSize(bytes, type);
    for (const step of headerSteps.slice(1)) {
      if (dimensions.width !== null || stat.size <= bytes.length) break;
      bytes = await readStart(file, step);
      dimensions = readImageSize(bytes, type);
    }
    if (dimensions.width === null && type === 'jpeg' && stat.size > bytes.length) {
      bytes = await fs.readFile(file);
      dimensions = readImageSize(bytes, type);
    }
    const entry: ImageEntry = { mtimeMs: stat.mtimeMs, size: stat.size, type, ...dimensions };
    this.images.set(id, entry);
    return entry;
  }

  private async usage(imageIds: Set<string>): Promise<Map<string, Set<string>>> {
    const postIds = await findPostFiles(this.site);
    const keep = new Set(postIds);
    for (const id of this.posts.keys()) if (!keep.has(id)) this.posts.delete(id);
    const references = await mapLimited(postIds, 16, (id) => this.postReferences(id));
    const usage = new Map<string, Set<string>>();
    postIds.forEach((postId, index) => {
      for (const reference of references[index] ?? []) {
        const imageId = this.resolveReference(reference, postId, imageIds);
        if (imageId === null) continue;
        const users = usage.get(imageId) ?? new Set<string>();
        users.add(postId);
        usage.set(imageId, users);
      }
    });
    return usage;
  }

  private resolveReference(reference: string, postId: string, imageIds: Set<string>): string | null {
    const { staticDir } = this.site;
    const direct = siteFileForUrl(reference, staticDir, postId);
    if (direct !== null && imageIds.has(direct)) return direct;
    // Front matter often names static files without the leading slash (`image: images/x.png`).
    if (!reference.startsWith('/') && staticDir !== null) {
      const fromStatic = siteFileForUrl(`/${reference}`, staticDir, postId);
      if (fromStatic !== null && imageIds.has(fromStatic)) return fromStatic;
    }
    // Absolute URLs of the site itself (`https://example.org/images/x.png`).
    const pathOfUrl = /^https?:\/\/[^/]+(\/.*)$/i.exec(reference)?.[1];
    if (pathOfUrl) {
      const fromUrl = siteFileForUrl(pathOfUrl, staticDir, postId);
      if (fromUrl !== null && imageIds.has(fromUrl)) return fromUrl;
    }
    return null;
  }

  private async postReferences(postId: string): Promise<string[]> {
    const file = path.join(this.site.root, ...postId.split('/'));
    // Missing or unreadable: treated as absent.
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      this.posts.delete(postId);
      return [];
    }
    const cached = this.posts.get(postId);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.references;
    // Missing or unreadable: read as absent, the caller falls back.
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const references = [...new Set(text.match(imageReference) ?? [])];
    this.posts.set(postId, { mtimeMs: stat.mtimeMs, size: stat.size, references });
    return references;
  }
}

async function walk(root: string, folder: string, found: Set<string>): Promise<void> {
  // A folder that is missing or cannot be listed has no entries.
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) await walk(root, full, found);
    } else if (entry.isFile() && imageTypeOfName(entry.name) !== null) {
      found.add(toId(root, full));
    }
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

const catalogs = new WeakMap<SiteInfo, ImageCatalog>();

/** The image catalog of an open site (one per SiteInfo, so its caches live as long as the site is open). */
export function imageCatalogOf(site: SiteInfo): ImageCatalog {
  let catalog = catalogs.get(site);
  if (!catalog) {
    catalog = new ImageCatalog(site);
    catalogs.set(site, catalog);
  }
  return catalog;
}
