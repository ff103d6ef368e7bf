import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PostDocument, Revision, SaveResult } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { detectBodyKind } from '../../shared/post/body-kind';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { writeFileAtomic } from './atomic-write';
import { resolveExisting, resolveForWrite } from './site-paths';

/** The revision of some bytes as read at a given stat. */
export function revisionOf(bytes: Uint8Array, stat: { mtimeMs: number; size: number }): Revision {
  return {
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Reads and writes the post files of one site root (a real path). Every path goes through the site
 * path checks; every save compares the file's current content with the revision the edit started
 * from and refuses with `conflict` when someone else changed it.
 */
export class PostStore {
  /** Content hashes of this store's own recent writes, by real path, so a watcher can skip them. */
  private readonly ownWrites = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** Reads one post: its text, revision and body kind. */
  async read(id: string): Promise<PostDocument> {
    const file = await resolveExisting(this.root, id);
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new PostdeskError('not-found', `${id} is not a file.`);
    const bytes = await fs.readFile(file);
    const text = bytes.toString('utf8');
    const split = splitFrontMatter(text);
    return {
      id,
      text,
      revision: revisionOf(bytes, stat),
      bodyKind: detectBodyKind(id, text.slice(split.bodyStart)),
    };
  }

  /**
   * Saves `text` as post `id` atomically. With a base revision, refuses with `conflict` when the
   * file's bytes differ from what that revision saw (or it was deleted); null overwrites as asked.
   */
  async save(id: string, text: string, baseRevision: Revision | null): Promise<SaveResult> {
    const file = await resolveForWrite(this.root, id);
    if (baseRevision !== null) await this.checkUnchanged(id, file, baseRevision);
    const bytes = Buffer.from(text, 'utf8');
    const digest = createHash('sha256').update(bytes).digest('hex');
    this.ownWrites.set(file, digest);
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, bytes);
    } catch (error) {
      this.ownWrites.delete(file);
      throw describeWriteError(id, error);
    }
    const stat = await fs.stat(file);
    return { id, revision: { mtimeMs: stat.mtimeMs, size: stat.size, sha256: digest } };
  }

  /** True when the file at `file` (a real path) holds exactly what this store last wrote there. */
  async isOwnWrite(file: string): Promise<boolean> {
    const expected = this.ownWrites.get(file);
    if (expected === undefined) return false;
    const bytes = await fs.readFile(file).catch(() => null);
    return bytes !== null && createHash('sha256').update(bytes).digest('hex') === expected;
  }

  private async checkUnchanged(id: string, file: string, base: Revision): Promise<void> {
    const bytes = await fs.readFile(file).catch(() => null);
    if (bytes === null) {
      throw new PostdeskError('conflict', `${id} was deleted on disk since it was opened.`);
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== base.size || digest !== base.sha256) {
      throw new PostdeskError('conflict', `${id} changed on disk since it was opened.`);
    }
  }
}

function describeWriteError(id: string, error: unknown): PostdeskError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission was denied'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : (error as Error).message;
  return new PostdeskError('io', `Could not save ${id}: ${reason}. The file on disk was not changed.`, {
    cause: error,
  });
}
