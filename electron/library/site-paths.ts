import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PostdeskError } from '../../shared/errors';

const windowsDeviceName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Checks the shape of a site-relative id and returns its segments; throws `path-refused` with a
 * clear message for NUL bytes, absolute paths, `..`, backslashes and Windows device names.
 */
export function checkRelativeId(id: string): string[] {
  if (typeof id !== 'string' || id.length === 0) refuse(id, 'it is empty');
  if (id.includes('\0')) refuse(id, 'it holds a NUL byte');
  if (id.includes('\\')) refuse(id, 'it holds a backslash; use forward slashes');
  if (id.startsWith('/') || /^[a-zA-Z]:/.test(id)) refuse(id, 'it is absolute; ids are site-relative');
  const segments = id.split('/');
  for (const segment of segments) {
    if (segment === '..') refuse(id, 'it climbs out of the site with ..');
    if (segment === '' || segment === '.') refuse(id, 'it has an empty or "." segment');
    if (windowsDeviceName.test(segment)) refuse(id, `"${segment}" is a reserved device name`);
  }
  return segments;
}

/** True when `candidate` is `root` itself or lies below it (not a sibling sharing its prefix). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolves a site-relative id to the real path of an existing file or folder inside `realRoot`
 * (itself a real path). Symlinks are followed and refused when they lead out of the site or nowhere.
 */
export async function resolveExisting(realRoot: string, id: string): Promise<string> {
  checkRelativeId(id);
  const joined = path.join(realRoot, ...id.split('/'));
  let real: string;
  try {
    real = await fs.realpath(joined);
  } catch (error) {
    // Missing or unreadable: treated as absent.
    const link = await fs.lstat(joined).catch(() => null);
    if (link?.isSymbolicLink()) refuse(id, 'it is a symbolic link to nothing');
    throw new PostdeskError('not-found', `${id} does not exist in the site.`, { cause: error });
  }
  if (!isInside(realRoot, real)) refuse(id, 'it leads outside the site through a symbolic link');
  return real;
}

/**
 * Resolves a site-relative id for a file that may not exist yet: its parent folder must exist
 * (or be creatable) inside the site, and an existing entry is resolved as by `resolveExisting`.
 */
export async function resolveForWrite(realRoot: string, id: string): Promise<string> {
  const segments = checkRelativeId(id);
  const joined = path.join(realRoot, ...segments);
  // Missing or unreadable: treated as absent.
  const existing = await fs.lstat(joined).catch(() => null);
  if (existing) return resolveExisting(realRoot, id);
  let parent = path.dirname(joined);
  // Missing or unreadable: treated as absent.
  while (!(await fs.lstat(parent).catch(() => null))) parent = path.dirname(parent);
  // A broken link above the file: refused with a message (refuse throws).
  const realParent = await fs.realpath(parent).catch(() => refuse(id, 'its folder is a broken link'));
  if (!isInside(realRoot, realParent)) refuse(id, 'its folder leads outside the site');
  return path.join(realParent, path.relative(parent, joined));
}

/**
 * Resolves a site-relative id to its own entry (the link itself when it is a symbolic link), for
 * moving or deleting it: the parent folder is resolved with realpath and must lie inside the site.
 */
export async function resolveEntry(realRoot: string, id: string): Promise<string> {
  const segments = checkRelativeId(id);
  const joined = path.join(realRoot, ...segments);
  // A missing path or broken link resolves to nothing: treated as absent.
  const parent = await fs.realpath(path.dirname(joined)).catch(() => null);
  if (parent === null) throw new PostdeskError('not-found', `${id} does not exist in the site.`);
  if (!isInside(realRoot, parent)) refuse(id, 'its folder leads outside the site through a symbolic link');
  const entry = path.join(parent, path.basename(joined));
  // Missing or unreadable: treated as absent.
  if (!(await fs.lstat(entry).catch(() => null))) {
    throw new PostdeskError('not-found', `${id} does not exist in the site.`);
  }
  if (entry === realRoot) refuse(id, 'it is the site folder itself');
  return entry;
}

/** Turns an absolute path inside `root` into the site-relative id used across the bridge. */
export function toId(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function refuse(id: string, why: string): never {
  const shown = JSON.stringify(String(id).slice(0, 200));
  throw new PostdeskError('path-refused', `The path ${shown} was refused: ${why}.`);
}
