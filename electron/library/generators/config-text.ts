import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkRelativeId, isInside } from '../site-paths';

/** The most a generator config file may hold for Postdesk to read it (larger files are ignored). */
export const maxConfigBytes = 512 * 1024;

/** The text of a site-relative config file, or null when it is missing, a folder or too large. */
export async function readConfigText(root: string, name: string): Promise<string | null> {
  const file = path.join(root, name);
  // Missing or unreadable: treated as absent.
  const stat = await fs.stat(file).catch(() => null);
  if (!stat || !stat.isFile() || stat.size > maxConfigBytes) return null;
  // A missing path or broken link resolves to nothing: treated as absent.
  const real = await fs.realpath(file).catch(() => null);
  if (real === null || !isInside(root, real)) return null;
  // Missing or unreadable: read as absent, the caller falls back.
  return fs.readFile(real, 'utf8').catch(() => null);
}

/** The first of `names` that exists at the site root (files or folders), or null. */
export async function firstExisting(root: string, names: readonly string[]): Promise<string | null> {
  for (const name of names) {
    // Missing or unreadable: treated as absent.
    if (await fs.stat(path.join(root, name)).catch(() => null)) return name;
  }
  return null;
}

/**
 * A folder named by a site's config, made site-relative (`./public/` -> `public`, `content/../x` ->
 * `x`), or null when it is empty, absolute, outside the site or not a plain path.
 */
export function siteFolder(root: string, base: string, folder: string): string | null {
  if (folder.includes('\0') || path.isAbsolute(folder)) return null;
  const joined = path.posix.normalize(path.posix.join(base === '.' ? '' : base, folder.replace(/\\/g, '/')));
  const trimmed = joined.replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return '.';
  if (trimmed.startsWith('..')) return null;
  try {
    checkRelativeId(trimmed);
  } catch {
    // A folder name the config gives that is no safe relative path is ignored (the default is used).
    return null;
  }
  return isInside(root, path.join(root, trimmed)) ? trimmed : null;
}

/** The sub-folders of a site-relative folder (names only, no dot-folders), sorted. */
export async function subFolders(root: string, folder: string): Promise<string[]> {
  // A folder that is missing or cannot be listed has no entries.
  const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}
