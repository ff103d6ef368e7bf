import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { isPostFileName } from './post-index';
import { listingRules } from './post-rules';
import { checkRelativeId, isInside, toId } from './site-paths';

// The contract serves posts and their assets, nothing else: these checks keep every id a method
// receives to post files inside the content folders (and images, stylesheets and fonts inside the
// static, assets and content folders), never a dot-folder (.git, .postdesk-trash), node_modules or a
// configuration file, and they check the id's real path the same way (a post that is a symbolic link
// to .git/config is refused; a content folder that is a link inside the site still works).

type Kind = 'post' | 'asset';

const neverServed = new Set(['node_modules']);
const notAPost = 'it is not a Markdown or HTML post file';

/** The folders below which ids of `kind` may lie. */
function foldersFor(info: SiteInfo, kind: Kind): string[] {
  // Page folders (Jekyll's pages with front matter outside the collections) hold posts too.
  const posts = [...info.contentDirs, ...(info.pageDirs ?? [])];
  if (kind === 'post') return posts;
  // Astro keeps images imported by posts in src/assets (written relative to the post).
  const folders = [...posts, 'assets', ...(info.generator === 'astro' ? ['src/assets'] : [])];
  if (info.staticDir !== null) folders.push(info.staticDir);
  return folders;
}

function below(folders: readonly string[], id: string): boolean {
  return folders.some((dir) => dir === '.' || id === dir || id.startsWith(`${dir}/`));
}

function problemIn(id: string, folders: readonly string[], kind: Kind): string | null {
  const segments = checkRelativeId(id);
  const hidden = segments.find((segment) => segment.startsWith('.') || neverServed.has(segment));
  if (hidden !== undefined)
    return `${hidden} is not a folder Postdesk ${kind === 'post' ? 'edits' : 'serves'}`;
  if (kind === 'post' && !isPostFileName(segments[segments.length - 1] ?? '')) return notAPost;
  if (!below(folders, id)) {
    return kind === 'post'
      ? 'it is not inside a content folder'
      : 'it is not inside the static, assets or a content folder';
  }
  return null;
}

/** Why `id` is not a post path of the site (a post file name in a content folder, no dot-folder), or null. */
export function postPathProblem(info: SiteInfo, id: string): string | null {
  return problemIn(id, foldersFor(info, 'post'), 'post') ?? pageProblem(info, id);
}

/**
 * For a post path found only through a page folder (Jekyll's root), why the list would never show
 * it (an underscore or vendor folder such as `_layouts`, a README-style file), or null.
 */
function pageProblem(info: SiteInfo, id: string): string | null {
  if (below(info.contentDirs, id)) return null;
  const rules = listingRules(info);
  const segments = id.split('/');
  for (let index = 0; index < segments.length - 1; index++) {
    if (rules.skipFolder(segments.slice(0, index + 1).join('/'), segments[index]!, true)) {
      return `${segments[index]} is not a folder of pages Postdesk edits`;
    }
  }
  return rules.skipFile(segments.at(-1)!, segments.slice(0, -1).join('/')) ? notAPost : null;
}

/** Why `id` is not an asset path of the site (in the static, assets or a content folder, no dot-folder), or null. */
export function assetPathProblem(info: SiteInfo, id: string): string | null {
  return problemIn(id, foldersFor(info, 'asset'), 'asset');
}

/**
 * Throws unless `id` is a post path of the site and, when it exists (or its nearest existing folder,
 * for a new file), its real path is one too: `invalid-argument` for a name that is no post (hugo.toml,
 * a picture), `path-refused` for hidden folders and links. Never follows anything out of the site.
 */
export async function checkPostId(info: SiteInfo, id: string): Promise<void> {
  await checkScoped(info, id, 'post');
}

/** Throws `path-refused` unless `id` (and its real path) is an asset path of the site. */
export async function checkAssetId(info: SiteInfo, id: string): Promise<void> {
  await checkScoped(info, id, 'asset');
}

/** The allowed folders of `kind`, also named by their real paths (a content folder may be a link inside the site). */
async function realFolders(info: SiteInfo, kind: Kind): Promise<string[]> {
  const folders = foldersFor(info, kind);
  for (const dir of [...folders]) {
    if (dir === '.') continue;
    // A missing path or broken link resolves to nothing: treated as absent.
    const resolved = await fs.realpath(path.join(info.root, ...dir.split('/'))).catch(() => null);
    if (resolved !== null && isInside(info.root, resolved)) folders.push(toId(info.root, resolved) || '.');
  }
  return folders;
}

async function checkScoped(info: SiteInfo, id: string, kind: Kind): Promise<void> {
  const what = kind === 'post' ? 'post' : 'site file';
  const problem =
    problemIn(id, foldersFor(info, kind), kind) ?? (kind === 'post' ? pageProblem(info, id) : null);
  if (problem !== null) {
    const code = kind === 'post' && problem.startsWith('it is not') ? 'invalid-argument' : 'path-refused';
    refuse(id, what, problem, code);
  }
  const joined = path.join(info.root, ...id.split('/'));
  let existing = joined;
  let rest = '';
  // Missing or unreadable: treated as absent.
  while (!(await fs.lstat(existing).catch(() => null))) {
    if (existing === info.root) return;
    rest = rest === '' ? path.basename(existing) : `${path.basename(existing)}/${rest}`;
    existing = path.dirname(existing);
  }
  // A missing path or broken link resolves to nothing: treated as absent.
  const real = await fs.realpath(existing).catch(() => null);
  if (real === null) refuse(id, what, 'it is a broken link (a symbolic link to nothing)');
  if (!isInside(info.root, real)) refuse(id, what, 'it leads outside the site through a symbolic link');
  if (real === info.root) return;
  const realId = [toId(info.root, real), rest].filter((part) => part !== '').join('/');
  if (realId === id) return;
  // A linked post (or a post in a linked folder) must be one where it really is.
  const realProblem =
    problemIn(realId, await realFolders(info, kind), kind) ??
    (kind === 'post' ? pageProblem(info, realId) : null);
  if (realProblem !== null) refuse(id, what, `it is a symbolic link to ${realId}, and ${realProblem}`);
}

function refuse(
  id: string,
  what: string,
  why: string,
  code: 'path-refused' | 'invalid-argument' = 'path-refused',
): never {
  const shown = JSON.stringify(String(id).slice(0, 200));
  throw new PostdeskError(code, `The path ${shown} is not a ${what} of this site: ${why}.`);
}
