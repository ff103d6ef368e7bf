import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { isPostFileName } from './post-index';
import { checkRelativeId, isInside, toId } from './site-paths';

// The contract serves posts and their assets, nothing else: these checks keep every id a method
// receives to post files inside the content folders (and images, stylesheets and fonts inside the
// static, assets and content folders), never a dot-folder (.git, .postdesk-trash), node_modules or a
// configuration file, and they check the id's real path the same way (a post that is a symbolic link
// to .git/config is refused).

const neverServed = new Set(['node_modules']);

/** The folders below which the site's assets (images, stylesheets, fonts) may be read or written. */
function assetFolders(info: SiteInfo): string[] {
  const folders = [...info.contentDirs, 'assets'];
  if (info.staticDir !== null) folders.push(info.staticDir);
  return folders;
}

function below(folders: readonly string[], id: string): boolean {
  return folders.some((dir) => dir === '.' || id === dir || id.startsWith(`${dir}/`));
}

/** Why `id` is not a post path of the site (a post file name in a content folder, no dot-folder), or null. */
export function postPathProblem(info: SiteInfo, id: string): string | null {
  const segments = checkRelativeId(id);
  const hidden = segments.find((segment) => segment.startsWith('.') || neverServed.has(segment));
  if (hidden !== undefined) return `${hidden} is not a folder Postdesk edits`;
  if (!isPostFileName(segments[segments.length - 1] ?? '')) return 'it is not a Markdown or HTML post file';
  if (!below(info.contentDirs, id)) return 'it is not inside a content folder';
  return null;
}

/** Why `id` is not an asset path of the site (in the static, assets or a content folder, no dot-folder), or null. */
export function assetPathProblem(info: SiteInfo, id: string): string | null {
  const segments = checkRelativeId(id);
  const hidden = segments.find((segment) => segment.startsWith('.') || neverServed.has(segment));
  if (hidden !== undefined) return `${hidden} is not a folder Postdesk serves`;
  if (!below(assetFolders(info), id)) return 'it is not inside the static, assets or a content folder';
  return null;
}

/**
 * Throws `path-refused` unless `id` is a post path of the site and, when it exists (or its nearest
 * existing folder, for a new file), its real path is one too. Never follows anything out of the site.
 */
export async function checkPostId(info: SiteInfo, id: string): Promise<void> {
  await checkScoped(info, id, postPathProblem, 'post');
}

/** Throws `path-refused` unless `id` (and its real path) is an asset path of the site. */
export async function checkAssetId(info: SiteInfo, id: string): Promise<void> {
  await checkScoped(info, id, assetPathProblem, 'site file');
}

async function checkScoped(
  info: SiteInfo,
  id: string,
  problemOf: (info: SiteInfo, id: string) => string | null,
  what: string,
): Promise<void> {
  const problem = problemOf(info, id);
  // A name that is no post (hugo.toml, a picture) is a wrong argument; a hidden folder is refused.
  if (problem !== null)
    refuse(
      id,
      what,
      problem,
      what === 'post' && problem.startsWith('it is not') ? 'invalid-argument' : 'path-refused',
    );
  const joined = path.join(info.root, ...id.split('/'));
  let existing = joined;
  let rest = '';
  while (!(await fs.lstat(existing).catch(() => null))) {
    if (existing === info.root) return;
    rest = rest === '' ? path.basename(existing) : `${path.basename(existing)}/${rest}`;
    existing = path.dirname(existing);
  }
  const real = await fs.realpath(existing).catch(() => null);
  if (real === null) refuse(id, what, 'it is a broken link (a symbolic link to nothing)');
  if (!isInside(info.root, real)) refuse(id, what, 'it leads outside the site through a symbolic link');
  if (real === info.root) return;
  const realId = [toId(info.root, real), rest].filter((part) => part !== '').join('/');
  if (realId === id) return;
  // A linked post (or a post in a linked folder) must be one where it really is.
  const realProblem = problemOf(info, realId);
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
