import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SiteInfo } from '../../../shared/api';
import { PostdeskError } from '../../../shared/errors';
import { siteConfigFile } from '../site-detect';
import { checkRelativeId } from '../site-paths';

/** Where a post's new images go, and how the post refers to them. */
export interface ImageFolder {
  /** Site-relative folder ('.' for the site root). */
  folder: string;
  /** The URL prefix written in the post for a file of that folder: `/images/x/` or `` (bundles). */
  urlPrefix: string;
}

const ImageConfig = z.object({ imageFolder: z.string().min(1).max(1024).optional() }).passthrough();

/**
 * Reads the `imageFolder` pattern of the site's postdesk.config.json (e.g.
 * `static/images/{section}/{slug}`), or null when the site has none.
 */
export async function readImageFolderPattern(root: string): Promise<string | null> {
  // Missing or unreadable: read as absent, the caller falls back.
  const text = await fs.readFile(path.join(root, siteConfigFile), 'utf8').catch(() => null);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A site config that is not JSON configures nothing: the default image folder is used.
    return null;
  }
  const parsed = ImageConfig.safeParse(json);
  if (!parsed.success) {
    throw new PostdeskError('invalid-argument', `${siteConfigFile}: imageFolder must be a folder pattern.`);
  }
  return parsed.data.imageFolder ?? null;
}

const relativeImage = /(?:^[\w-]*(?:image|cover|hero)\w*\s*:\s*['"]?|\]\(|\bsrc=["'])\.\.?\//im;
const rootImage = /(?:^[\w-]*(?:image|cover|hero)\w*\s*:\s*['"]?|\]\(|\bsrc=["'])\/(?!\/)/im;

/**
 * The image folder pattern a generator's own convention asks for, when it depends on the posts:
 * an Astro post whose collection refers to images relative to the post (`../../assets/x.jpg`, the
 * `image()` schema) gets `src/assets/{slug}` (relative paths); one whose posts use site-root paths,
 * or a collection with no images yet and no `src/assets`, gets the public folder (`/images/{slug}/`).
 * Null for other generators (their convention is fixed, see imageFolderFor).
 */
export async function generatorImagePattern(site: SiteInfo, postId: string): Promise<string | null> {
  if (site.generator !== 'astro') return null;
  const folder = path.join(site.root, ...postId.split('/').slice(0, -1));
  // A folder that is missing or cannot be listed has no entries.
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) =>
    /\.mdx?$/i.test(name),
  );
  const own = path.basename(postId);
  let relative = 0;
  let rooted = 0;
  for (const name of [own, ...names.filter((name) => name !== own)].slice(0, 20)) {
    // A file that cannot be opened is skipped as absent.
    const handle = await fs.open(path.join(folder, name), 'r').catch(() => null);
    if (handle === null) continue;
    const buffer = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).finally(() => handle.close());
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    if (relativeImage.test(text)) relative++;
    else if (rootImage.test(text)) rooted++;
  }
  const hasAssets = await fs.stat(path.join(site.root, 'src', 'assets')).then(
    (stat) => stat.isDirectory(),
    // No src/assets folder (or unreadable): not an assets-style site.
    () => false,
  );
  if (relative > rooted || (relative === rooted && rooted === 0 && hasAssets)) return 'src/assets/{slug}';
  return site.staticDir === null ? null : `${site.staticDir}/images/{slug}`;
}

/** What the folder pattern's placeholders stand for, for one post. */
export interface PostPlaceholders {
  /** The post's section (its first folder below the content folder), or ''. */
  section: string;
  /** The post's slug: its file name without extension and Jekyll date, or its bundle folder's name. */
  slug: string;
  /** The folder holding the post file, site-relative ('.' at the root). */
  postFolder: string;
  /** True for a Hugo page bundle (the post is an index.md or _index.md in its own folder). */
  bundle: boolean;
}

/** Works out a post's section, slug, folder and whether it is a page bundle. */
export function postPlaceholders(site: SiteInfo, postId: string): PostPlaceholders {
  const segments = postId.split('/');
  const fileName = segments.pop() ?? postId;
  const postFolder = segments.length > 0 ? segments.join('/') : '.';
  const stem = fileName.replace(/\.[^.]+$/, '');
  const bundle = site.generator === 'hugo' && /^_?index$/i.test(stem) && segments.length > 0;
  const contentDir = site.contentDirs.find((dir) => dir !== '.' && postId.startsWith(`${dir}/`));
  const below = contentDir ? postId.slice(contentDir.length + 1).split('/') : postId.split('/');
  const section = below.length > 1 ? (below[0] as string) : '';
  let slug = bundle ? (segments[segments.length - 1] as string) : stem;
  if (site.generator === 'jekyll') slug = slug.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  return { section, slug, postFolder, bundle };
}

/**
 * The folder a post's new images go to: the configured pattern when the site has one (`{section}`
 * and `{slug}` filled in; empty segments dropped), else the generator's convention: the bundle's
 * own folder for Hugo page bundles, `static/images/<section>/<slug>` for other Hugo posts,
 * `assets/images/<slug>` for Jekyll, `<static>/images/<slug>` or the post's `images/` folder
 * elsewhere. The URL prefix is a site-root path inside the static folder, else relative to the post.
 */
export function imageFolderFor(site: SiteInfo, postId: string, pattern: string | null): ImageFolder {
  const post = postPlaceholders(site, postId);
  let folder: string;
  if (pattern !== null) {
    folder = pattern
      .replace(/\{section\}/g, safeSegment(post.section))
      .replace(/\{slug\}/g, safeSegment(post.slug))
      .replace(/\{post-folder\}/g, post.postFolder === '.' ? '' : post.postFolder);
  } else if (post.bundle) {
    folder = post.postFolder;
  } else if (site.generator === 'hugo') {
    folder = ['static', 'images', safeSegment(post.section), safeSegment(post.slug)].join('/');
  } else if (site.generator === 'jekyll') {
    folder = ['assets', 'images', safeSegment(post.slug)].join('/');
  } else if (site.staticDir !== null) {
    folder = [site.staticDir, 'images', safeSegment(post.slug)].join('/');
  } else {
    folder = [post.postFolder, 'images'].join('/');
  }
  folder = folder
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
  if (folder === '') folder = '.';
  else checkRelativeId(folder);
  return { folder, urlPrefix: urlPrefixFor(site, folder, post.postFolder) };
}

function urlPrefixFor(site: SiteInfo, folder: string, postFolder: string): string {
  const staticDir = site.staticDir;
  if (
    staticDir !== null &&
    (staticDir === '.' || folder === staticDir || folder.startsWith(`${staticDir}/`))
  ) {
    const below = staticDir === '.' ? folder : folder.slice(staticDir.length + 1);
    return below === '' || below === '.' ? '/' : `/${below}/`;
  }
  const relative = path.posix.relative(postFolder === '.' ? '' : postFolder, folder === '.' ? '' : folder);
  return relative === '' ? '' : `${relative}/`;
}

function safeSegment(text: string): string {
  return text
    .split('/')
    .map((part) => (part === '' ? '' : part.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^\.+/, '')))
    .join('/');
}
