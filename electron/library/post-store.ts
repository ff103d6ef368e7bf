import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PostDocument, Revision, SaveResult } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { detectBodyKind } from '../../shared/post/body-kind';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { removeStrayTempFiles, writeFileAtomic, type AtomicFs } from './atomic-write';
import { maxEditableBytes } from './post-summary';
import { resolveExisting, resolveForWrite } from './site-paths';
import { readStart } from './read-start';

/** How much of a too-large file `read` shows. */
export const truncatedShowBytes = 256 * 1024;

/**
 * Why bytes cannot be edited as text without risk (NUL bytes, invalid UTF-8, over the size limit),
 * or null when they can. `size` is the whole file's size when `bytes` hold only its beginning.
 */
export function readOnlyReason(bytes: Uint8Array, size = bytes.length): string | null {
  if (size > maxEditableBytes) {
    const mb = (size / (1024 * 1024)).toFixed(1);
    return `This file is ${mb} MB, over the ${maxEditableBytes / (1024 * 1024)} MB Postdesk edits safely: it opens read-only and shows only its beginning.`;
  }
  if (bytes.includes(0))
    return 'This file holds NUL bytes: it looks binary, not text, so it opens read-only.';
  if (!isValidUtf8(bytes)) {
    return 'This file is not valid UTF-8 text: saving it as text would change its bytes, so it opens read-only.';
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Not UTF-8: answered false, the post opens read-only.
    return false;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'r');
  try {
    for await (const chunk of handle.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    // Closing after the read already failed or finished: the read's own result or error is what counts.
    await handle.close().catch(() => undefined);
  }
  return hash.digest('hex');
}

/** The revision of some bytes as read at a given stat. */
export function revisionOf(bytes: Uint8Array, stat: { mtimeMs: number; size: number }): Revision {
  return {
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** How `PostStore.save` writes. */
export interface SaveOptions {
  /**
   * When given, the folder is not fsynced after the rename: this hears the folder (a real path),
   * and the caller, writing many files, fsyncs each folder once (`syncFolder`) before it answers.
   */
  deferFolderSync?: (folder: string) => void;
}

/**
 * Reads and writes the post files of one site root (a real path). Every path goes through the site
 * path checks; every save compares the file's current content with the revision the edit started
 * from and refuses with `conflict` when someone else changed it.
 */
export class PostStore {
  /**
   * This store's own last write of each file, by real path, so a watcher can skip it: the bytes'
   * hash and the mtime the file had right after (null until the write is done). A later write of
   * the same bytes by another program gives the file another mtime, so it is not taken for ours.
   */
  private readonly ownWrites = new Map<string, { sha256: string; mtimeMs: number | null }>();

  /** `fsLayer` replaces the file-system calls of atomic writes (tests inject failures through it). */
  constructor(
    private readonly root: string,
    private readonly fsLayer?: AtomicFs,
  ) {}

  /**
   * Reads one post: its text, revision and body kind, first removing the temp files an interrupted
   * save left beside it. A file that cannot be edited safely comes back with a `readOnly` reason;
   * one over the size limit holds only its beginning (`truncated`), its revision still covers it all.
   */
  async read(id: string): Promise<PostDocument> {
    const file = await resolveExisting(this.root, id);
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new PostdeskError('not-found', `${id} is not a file.`);
    await removeStrayTempFiles(path.dirname(file));
    if (stat.size > maxEditableBytes) {
      const start = await readStart(file, truncatedShowBytes);
      const text = new TextDecoder('utf-8').decode(start, { stream: true });
      return {
        id,
        text,
        revision: { mtimeMs: stat.mtimeMs, size: stat.size, sha256: await hashFile(file) },
        bodyKind: detectBodyKind(id, text.slice(splitFrontMatter(text).bodyStart)),
        readOnly: readOnlyReason(start, stat.size),
        truncated: true,
      };
    }
    const bytes = await fs.readFile(file);
    const text = bytes.toString('utf8');
    const split = splitFrontMatter(text);
    return {
      id,
      text,
      revision: revisionOf(bytes, stat),
      bodyKind: detectBodyKind(id, text.slice(split.bodyStart)),
      readOnly: readOnlyReason(bytes),
      truncated: false,
    };
  }

  /**
   * Saves `text` as post `id` atomically. With a base revision, refuses with `conflict` when the
   * file's bytes differ from what that revision saw (or it was deleted); null overwrites as asked.
   */
  async save(
    id: string,
    text: string,
    baseRevision: Revision | null,
    force = false,
    options: SaveOptions = {},
  ): Promise<SaveResult> {
    const file = await resolveForWrite(this.root, id);
    if (!force || baseRevision !== null) await this.checkBeforeSave(id, file, baseRevision, force);
    const bytes = Buffer.from(text, 'utf8');
    const digest = createHash('sha256').update(bytes).digest('hex');
    this.ownWrites.set(file, { sha256: digest, mtimeMs: null });
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, bytes, {
        fs: this.fsLayer,
        syncFolder: options.deferFolderSync === undefined,
      });
      options.deferFolderSync?.(path.dirname(file));
    } catch (error) {
      this.ownWrites.delete(file);
      throw describeWriteError(id, error);
    }
    const stat = await fs.stat(file);
    this.ownWrites.set(file, { sha256: digest, mtimeMs: stat.mtimeMs });
    return { id, revision: { mtimeMs: stat.mtimeMs, size: stat.size, sha256: digest } };
  }

  /**
   * True when the file at `file` (a real path) is still this store's last write there: the same
   * bytes with the mtime that write left. Once the file is found otherwise the record is dropped,
   * so a later write by another program is never taken for Postdesk's own, even of the same bytes.
   */
  async isOwnWrite(file: string): Promise<boolean> {
    const expected = this.ownWrites.get(file);
    if (expected === undefined) return false;
    // Missing or unreadable: read as absent (not Postdesk's write), the caller falls back.
    const stat = await fs.stat(file).catch(() => null);
    const bytes = stat === null ? null : await fs.readFile(file).catch(() => null); // unreadable: not ours
    const own =
      stat !== null &&
      bytes !== null &&
      (expected.mtimeMs === null || expected.mtimeMs === stat.mtimeMs) &&
      createHash('sha256').update(bytes).digest('hex') === expected.sha256;
    if (!own && this.ownWrites.get(file) === expected) this.ownWrites.delete(file);
    return own;
  }

  /**
   * Creates post `id` with `text`, never replacing an existing file (`exists`), atomically: the file
   * appears whole or not at all.
   */
  async create(id: string, text: string): Promise<string> {
    const file = await resolveForWrite(this.root, id);
    const bytes = Buffer.from(text, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.ownWrites.set(file, { sha256, mtimeMs: null });
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, bytes, { fs: this.fsLayer, exclusive: true });
      // Gone right after the write (another program): no record, so its next event is not taken for ours.
      const stat = await fs.stat(file).catch(() => null);
      if (stat) this.ownWrites.set(file, { sha256, mtimeMs: stat.mtimeMs });
    } catch (error) {
      this.ownWrites.delete(file);
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new PostdeskError('exists', `${id} already exists; Postdesk never overwrites a post.`);
      }
      throw describeWriteError(id, error);
    }
    return file;
  }

  /**
   * Refuses a save (one stat and at most one read of the current file): unless `force`, when the
   * file cannot be edited as text; with a base revision, when its bytes differ from the revision's.
   */
  private async checkBeforeSave(
    id: string,
    file: string,
    base: Revision | null,
    force: boolean,
  ): Promise<void> {
    // Missing or unreadable: treated as absent.
    const stat = await fs.stat(file).catch(() => null);
    if (stat === null && base !== null) {
      throw new PostdeskError('conflict', `${id} was deleted on disk since it was opened.`);
    }
    if (stat === null) return;
    if (!stat.isFile()) {
      if (base !== null) throw new PostdeskError('conflict', `${id} changed on disk since it was opened.`);
      return;
    }
    const large = stat.size > maxEditableBytes;
    const needBytes = !force || (base !== null && stat.size === base.size);
    const bytes = large || !needBytes ? Buffer.alloc(0) : await fs.readFile(file);
    if (!force) {
      const reason = readOnlyReason(bytes, stat.size);
      if (reason !== null) {
        throw new PostdeskError(
          'invalid-argument',
          `${id} is read-only: ${reason} Save with force to replace it.`,
        );
      }
    }
    if (base === null) return;
    const digest =
      stat.size !== base.size
        ? ''
        : large
          ? await hashFile(file)
          : createHash('sha256').update(bytes).digest('hex');
    if (stat.size !== base.size || digest !== base.sha256) {
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
