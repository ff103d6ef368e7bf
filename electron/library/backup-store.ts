/**
 * Crash recovery: unsaved buffers kept as small JSON files in a folder of the user-data directory,
 * one file per site and post, written atomically so a crash leaves the previous backup or the new
 * one. Plain Node: both hosts use it through the library.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** One backed-up buffer as stored on disk. */
export interface BackupRecord {
  /** Real path of the site root the post belongs to. */
  siteRoot: string;
  /** Site-relative id of the post. */
  id: string;
  /** The whole text of the buffer. */
  text: string;
  /** When it was written (ISO 8601). */
  savedAt: string;
}

const fileSuffix = '.backup.json';

/** The backups of one user-data folder: save, drop and list the buffers of a site. */
export class BackupStore {
  constructor(private readonly dir: string) {}

  /** Writes (or replaces) the backup of post `id` of `siteRoot`; answers the stored record. */
  async save(siteRoot: string, id: string, text: string): Promise<BackupRecord> {
    const record: BackupRecord = { siteRoot, id, text, savedAt: new Date().toISOString() };
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.fileOf(siteRoot, id), JSON.stringify(record));
    return record;
  }

  /** Removes the backup of post `id` of `siteRoot`; answers whether there was one. */
  async drop(siteRoot: string, id: string): Promise<boolean> {
    try {
      await fs.rm(this.fileOf(siteRoot, id));
      return true;
    } catch {
      // No backup to drop (already gone): answered false, the caller needs no more.
      return false;
    }
  }

  /**
   * The backups of `siteRoot`, oldest first. Backups of sites whose folder no longer exists are
   * removed on the way (nothing could restore them); unreadable files are left alone and skipped.
   */
  async list(siteRoot: string): Promise<BackupRecord[]> {
    // No backup folder yet: no backups.
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const found: BackupRecord[] = [];
    for (const name of names) {
      if (!name.endsWith(fileSuffix)) continue;
      const file = path.join(this.dir, name);
      // An unreadable backup reads as empty and is skipped by parseRecord.
      const record = parseRecord(await fs.readFile(file, 'utf8').catch(() => ''));
      if (!record) continue;
      if (record.siteRoot === siteRoot) found.push(record);
      // Its site folder is gone: the backup can never be restored there, so it is removed.
      else if (!(await fs.stat(record.siteRoot).catch(() => null))) await fs.rm(file, { force: true });
    }
    return found.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  private fileOf(siteRoot: string, id: string): string {
    const key = createHash('sha256').update(`${siteRoot}\0${id}`).digest('hex').slice(0, 40);
    return path.join(this.dir, `${key}${fileSuffix}`);
  }
}

function parseRecord(json: string): BackupRecord | null {
  try {
    const value = JSON.parse(json) as Partial<BackupRecord>;
    if (
      typeof value.siteRoot === 'string' &&
      typeof value.id === 'string' &&
      typeof value.text === 'string' &&
      typeof value.savedAt === 'string'
    ) {
      return { siteRoot: value.siteRoot, id: value.id, text: value.text, savedAt: value.savedAt };
    }
  } catch {
    // A torn or foreign file: not a backup.
  }
  return null;
}
