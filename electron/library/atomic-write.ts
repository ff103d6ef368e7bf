import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const tempPattern = /^\..+\.postdesk-\d+-[0-9a-f]{12}\.tmp$/;

/** True for the names of the temporary files `writeFileAtomic` creates. */
export function isPostdeskTempFile(name: string): boolean {
  return tempPattern.test(name);
}

/**
 * Replaces `target` with `data` so that a reader, a crash or a full disk sees either the old bytes
 * or the new ones, never a mix: a temp file in the same folder, written and fsynced, given the old
 * file's mode, renamed over the target, then the folder fsynced. On any failure the temp file is
 * removed and the target is untouched. `target` must already be a real path (no symlink).
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.postdesk-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  const previous = await fs.stat(target).catch(() => null);
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
    await fs.rename(temp, target);
    created = false;
  } catch (error) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
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
  const names = await fs.readdir(dir).catch(() => []);
  let removed = 0;
  for (const name of names) {
    if (!isPostdeskTempFile(name) || isRunning(writerPid(name))) continue;
    await fs.rm(path.join(dir, name), { force: true });
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
