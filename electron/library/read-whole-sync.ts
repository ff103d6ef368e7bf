import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The size and modification time a read saw (the stamp callers keep to skip unchanged files). */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** What readWholeSync found: the stamp and the bytes (null when skipped as known, or over the limit). */
export interface WholeRead {
  stat: FileStamp;
  bytes: Buffer | null;
  /** True when `known` matched the stamp (nothing was read). */
  known: boolean;
}

/**
 * Reads a regular file whole in one open (fstat, then reads until its size or EOF), for the
 * synchronous slices of the index builds and the problems workers. Answers null when the file
 * cannot be opened, is not a regular file, or a read fails; `bytes` is null without reading when
 * `known` matches the stamp or the file is over `maxBytes` (never more than that is allocated).
 */
export function readWholeSync(
  file: string,
  maxBytes: number,
  { flags = 'r', known }: { flags?: string | number; known?: (stat: FileStamp) => boolean } = {},
): WholeRead | null {
  let fd: number;
  try {
    fd = openSync(file, flags);
  } catch {
    // Gone or unreadable since it was listed: the caller skips it.
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    const stat = { mtimeMs: info.mtimeMs, size: info.size };
    if (known?.(stat)) return { stat, bytes: null, known: true };
    if (info.size > maxBytes) return { stat, bytes: null, known: false };
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const got = readSync(fd, buffer, filled, info.size - filled, filled);
      if (got === 0) break;
      filled += got;
    }
    return { stat, bytes: filled === info.size ? buffer : buffer.subarray(0, filled), known: false };
  } catch {
    // A read that failed midway: the caller skips the file this time.
    return null;
  } finally {
    closeSync(fd);
  }
}
