import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';

const tempPattern = /^\..+\.postdesk-\d+-[0-9a-f]{12}\.tmp$/;

/**
 * The file-system calls `writeFileAtomic` makes, so a test can inject a failure (a full disk, a
 * denied write) at any step; the default is Node's `fs.promises`.
 */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm' | 'stat' | 'link'>;

/** How `writeFileAtomic` writes. */
export interface AtomicWriteOptions {
  /** The file-system layer (default: Node's). */
  fs?: AtomicFs;
  /** Refuse (EEXIST) instead of replacing when `target` already exists; the check and the write are one step. */
  exclusive?: boolean;
  /**
   * Fsync the folder after the rename (default true). A caller writing many files of one folder
   * may pass false and call `syncFolder` once for the folder when all are written.
   */
  syncFolder?: boolean;
}

/** True for the names of the temporary files `writeFileAtomic` creates. */
export function isPostdeskTempFile(name: string): boolean {
  return tempPattern.test(name);
}

/**
 * Replaces `target` with `data` so that a reader, a crash or a full disk sees either the old bytes
 * or the new ones, never a mix: a temp file in the same folder, written and fsynced, given the old
 * file's mode, renamed over the target, then the folder fsynced. On any failure the temp file is
 * removed and the target is untouched. `target` must already be a real path (no symlink). With
 * `exclusive`, an existing target is never replaced (the temp file is hard-linked into place).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.postdesk-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  // No file yet (or unreadable): the new file gets the default mode.
  const previous = options.exclusive ? null : await fs.stat(target).catch(() => null);
  const mode = previous ? previous.mode & 0o7777 : 0o666;
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
      if (previous) await handle.chmod(mode);
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      await placeExclusive(fs, temp, target);
    } else {
      await fs.rename(temp, target);
      created = false;
    }
  } catch (error) {
    // Removing our own temporary file after a failed write: the write error is what is thrown.
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  if (options.syncFolder !== false) await syncFolder(dir);
}

/** Links `temp` to `target` (EEXIST when taken), or renames after a check where links are not supported. */
async function placeExclusive(fs: AtomicFs, temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // Missing: nothing to compare with, the write goes ahead.
    if (await fs.stat(target).catch(() => null)) {
      throw Object.assign(new Error(`EEXIST: ${target} exists`), { code: 'EEXIST' });
    }
    await fs.rename(temp, target);
    return;
  }
  await fs.rm(temp, { force: true });
}

/** Fsyncs folder `dir` so the renames made in it last through a crash (a no-op where folders cannot be fsynced). */
export async function syncFolder(dir: string): Promise<void> {
  // Some platforms cannot open a folder to fsync it: the rename is still atomic, only less durable.
  const handle = await nodeFs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some platforms (Windows, some network file systems) cannot fsync a folder; the rename stands.
  } finally {
    await handle.close();
  }
}

/**
 * Removes the temp files an interrupted save left in `dir` (only names `writeFileAtomic` makes,
 * and only those of processes that are no longer running) and answers how many were removed.
 */
export async function removeStrayTempFiles(dir: string): Promise<number> {
  // A folder that cannot be listed has no leftover temporary files we could remove.
  const names = await nodeFs.readdir(dir).catch(() => []);
  let removed = 0;
  for (const name of names) {
    if (!isPostdeskTempFile(name) || isRunning(writerPid(name))) continue;
    await nodeFs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function writerPid(name: string): number {
  return Number(/\.postdesk-(\d+)-/.exec(name)?.[1] ?? 0);
}

function isRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
