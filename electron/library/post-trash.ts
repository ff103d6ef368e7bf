import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TrashEntry } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { checkRelativeId, resolveForWrite } from './site-paths';

/** The site folder deleted posts go to when the host has no platform trash. */
export const trashFolder = '.postdesk-trash';

const metaFile = 'postdesk-trash.json';

const TrashMeta = z.object({
  originalId: z.string().min(1),
  title: z.string(),
  deletedAt: z.string(),
  bundle: z.boolean(),
  /** The name of the moved file or folder inside the trash entry. */
  item: z.string().min(1),
});

/** What the trash remembers about a deleted post. */
export type TrashMeta = z.infer<typeof TrashMeta>;

/**
 * Moves `entry` (the post file, or its page bundle folder; a real path inside the site) into
 * `.postdesk-trash/<trashId>/` beside a small JSON record of where it came from, and answers the
 * trash id. The record is written first, so an interrupted delete never loses the post.
 */
export async function moveToTrash(
  root: string,
  entry: string,
  meta: Omit<TrashMeta, 'item' | 'deletedAt'>,
): Promise<string> {
  const trashId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
  const record: TrashMeta = { ...meta, item: path.basename(entry), deletedAt: new Date().toISOString() };
  const recordPath = await resolveForWrite(root, `${trashFolder}/${trashId}/${metaFile}`);
  const folder = path.dirname(recordPath);
  await fs.mkdir(folder, { recursive: true });
  await ignoreInGit(path.dirname(folder));
  await fs.writeFile(recordPath, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
  try {
    await fs.rename(entry, path.join(folder, record.item));
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true });
    throw new PostdeskError(
      'io',
      `Could not move ${meta.originalId} to the trash: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return trashId;
}

/**
 * Keeps the trash out of the site's repository: a `.gitignore` of `*` inside the trash folder makes
 * git ignore the folder's whole content, itself included, without touching `.git/` or the site's own
 * ignore files. Written once; an existing one is left as it is.
 */
async function ignoreInGit(trash: string): Promise<void> {
  await fs
    .writeFile(path.join(trash, '.gitignore'), "# Postdesk's trash of deleted posts: never committed.\n*\n", {
      flag: 'wx',
    })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
}

/** The posts in the site's trash folder, newest first; unreadable or half-written entries are left out. */
export async function listTrash(root: string): Promise<TrashEntry[]> {
  const base = path.join(root, trashFolder);
  // Missing or unreadable: treated as absent.
  const link = await fs.lstat(base).catch(() => null);
  if (!link?.isDirectory()) return [];
  // A folder that is missing or cannot be listed has no entries.
  const names = await fs.readdir(base).catch(() => [] as string[]);
  const entries: TrashEntry[] = [];
  for (const trashId of names) {
    const meta = await readMeta(base, trashId);
    if (meta === null) continue;
    entries.push({
      trashId,
      originalId: meta.originalId,
      title: meta.title,
      deletedAt: meta.deletedAt,
      bundle: meta.bundle,
    });
  }
  return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/**
 * Moves a trashed post back to where it was and answers its id; refuses with `exists` when
 * something now stands there, leaving the trash entry as it is.
 */
export async function restoreFromTrash(
  root: string,
  trashId: string,
  checkTarget: (id: string) => Promise<void> = async () => undefined,
): Promise<string> {
  const base = path.join(root, trashFolder);
  // Missing or unreadable: treated as absent.
  const link = await fs.lstat(base).catch(() => null);
  const meta = link?.isDirectory() ? await readMeta(base, trashId) : null;
  if (meta === null) throw new PostdeskError('not-found', `There is no trash entry ${trashId}.`);
  checkRelativeId(meta.originalId);
  // A trash entry is site content (anyone can write one): it goes back only to a post path, as a
  // plain file (or, for a bundle, a plain folder holding its index), never a link or an executable.
  await checkTarget(meta.originalId);
  const item = await fs.lstat(path.join(base, trashId, meta.item));
  if (meta.bundle ? !item.isDirectory() || !isBundleIndex(meta.originalId) : !item.isFile()) {
    throw new PostdeskError(
      'path-refused',
      `The trash entry ${trashId} does not hold a post; it is left as it is.`,
    );
  }
  const destinationId = meta.bundle ? path.posix.dirname(meta.originalId) : meta.originalId;
  const destination = await resolveForWrite(root, destinationId);
  // Missing or unreadable: treated as absent.
  if (await fs.lstat(destination).catch(() => null)) {
    throw new PostdeskError('exists', `${destinationId} exists again; move it away before restoring.`);
  }
  await fs.mkdir(path.dirname(destination), { recursive: true });
  if (!meta.bundle) await fs.chmod(path.join(base, trashId, meta.item), item.mode & 0o666);
  await fs.rename(path.join(base, trashId, meta.item), destination);
  await fs.rm(path.join(base, trashId), { recursive: true, force: true });
  return meta.originalId;
}

async function readMeta(base: string, trashId: string): Promise<TrashMeta | null> {
  if (!/^[0-9A-Za-z._-]{1,120}$/.test(trashId) || trashId.startsWith('.')) return null;
  const folder = path.join(base, trashId);
  // Missing or unreadable: read as absent, the caller falls back.
  const text = await fs.readFile(path.join(folder, metaFile), 'utf8').catch(() => null);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A trash record that is not JSON belongs to no restorable item: skipped.
    return null;
  }
  const meta = TrashMeta.safeParse(parsed);
  if (!meta.success || meta.data.item.includes('/') || meta.data.item.startsWith('..')) return null;
  // Missing or unreadable: treated as absent.
  if (!(await fs.lstat(path.join(folder, meta.data.item)).catch(() => null))) return null;
  return meta.data;
}

function isBundleIndex(id: string): boolean {
  return /^index\.(md|markdown|mdown|html?)$/i.test(path.posix.basename(id));
}
