import { closeSync, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import type { PostSummary, SiteInfo } from '../../shared/api';
import { detectBodyKind } from '../../shared/post/body-kind';
import { lockedBlockTitle } from '../../shared/post/locked-front-matter';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { parseHeader } from './front-matter-data';

const firstChunk = 16 * 1024;
const maxHeader = 1024 * 1024;

/** The beginning of a post file as the index reads it. */
export interface HeaderRead {
  /** The text read: at least the whole front matter block when it closes within 1 MiB. */
  text: string;
  /** True when the bytes read are not valid UTF-8. */
  invalidUtf8: boolean;
  /** True when the bytes read hold a NUL byte (a binary file). */
  binary: boolean;
  /** True when the front matter block did not close within the first 1 MiB of a longer file. */
  headerTooLong?: boolean;
}

/** Files larger than this are listed with a problem and open read-only (see PostStore). */
export const maxEditableBytes = 10 * 1024 * 1024;

/**
 * Reads just enough of a post file to hold its whole front matter block (16 KiB, growing up to
 * 1 MiB only when the block is longer), telling whether those bytes are binary or not valid UTF-8;
 * the body is never read in full.
 */
export async function readHeader(file: string): Promise<HeaderRead> {
  const handle = await fs.open(file, 'r');
  try {
    let size = firstChunk;
    for (;;) {
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      const bytes = buffer.subarray(0, bytesRead);
      const { text, invalidUtf8 } = decode(bytes, bytesRead < size);
      const split = splitFrontMatter(text);
      const complete = split.format === null || split.error === null || bytesRead < size;
      if (complete || size >= maxHeader) {
        return { text, invalidUtf8, binary: bytes.includes(0), headerTooLong: !complete };
      }
      size *= 4;
    }
  } finally {
    await handle.close();
  }
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, whole: boolean): { text: string; invalidUtf8: boolean } {
  // A partial read may cut a character at its end: decode only up to the last whole character.
  const usable = whole ? bytes : bytes.subarray(0, completeLength(bytes));
  try {
    return { text: fatalDecoder.decode(usable), invalidUtf8: false };
  } catch {
    // Not UTF-8: decoded leniently and flagged invalidUtf8 (the list shows it).
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      invalidUtf8: true,
    };
  }
}

/** The length of `bytes` without a UTF-8 sequence cut off at its end. */
function completeLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

const sharedChunk = Buffer.allocUnsafe(firstChunk);

/**
 * The synchronous twin of `readHeader` for the index's batches (no thread-pool round trip per
 * call): also answers the file's stat, or null when it is not a readable regular file.
 */
export function readHeaderSync(
  file: string,
  known?: (stat: { mtimeMs: number; size: number }) => boolean,
): { read: HeaderRead | null; stat: { mtimeMs: number; size: number } } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    // A post that cannot be opened has no header: the caller lists it with a read error.
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    const stat = { mtimeMs: info.mtimeMs, size: info.size };
    if (known?.(stat)) return { read: null, stat };
    let size = firstChunk;
    for (;;) {
      const buffer = size === firstChunk ? sharedChunk : Buffer.allocUnsafe(size);
      const bytesRead = readSync(fd, buffer, 0, size, 0);
      const bytes = buffer.subarray(0, bytesRead);
      const { text, invalidUtf8 } = decode(bytes, bytesRead < size);
      const split = splitFrontMatter(text);
      const complete = split.format === null || split.error === null || bytesRead < size;
      if (complete || size >= maxHeader) {
        return { read: { text, invalidUtf8, binary: bytes.includes(0), headerTooLong: !complete }, stat };
      }
      size *= 4;
    }
  } catch {
    // A read failing half-way: no header, the caller lists the post with a read error.
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Builds the list row of one post from its header text: title, dates, draft, authors, tags,
 * categories, section and body kind, or the problem that kept the file from being read (with its line).
 */
export function summarize(
  site: SiteInfo,
  id: string,
  header: string | HeaderRead,
  stat: { mtimeMs: number; size: number },
): PostSummary {
  const read: HeaderRead =
    typeof header === 'string' ? { text: header, invalidUtf8: false, binary: false } : header;
  const headerText = read.text;
  const split = splitFrontMatter(headerText);
  let data: Record<string, unknown> = {};
  let error = split.error;
  let errorLine: number | null = split.error ? 1 : null;
  if (split.format !== null && split.error === null) {
    const parsed = parseHeader(headerText.slice(0, split.rawEnd), split.format, split.rawStart);
    if (parsed.ok) data = parsed.data;
    else {
      error = parsed.error;
      errorLine = parsed.line;
    }
  }
  if (split.language !== undefined) {
    const title = lockedBlockTitle(headerText.slice(split.rawStart, split.rawEnd), split.language);
    if (title !== null) data = { title };
  }
  if (read.headerTooLong) {
    error = `The front matter opened on line 1 runs past ${maxHeader / (1024 * 1024)} MB without closing.`;
    errorLine = 1;
  }
  if (stat.size > maxEditableBytes) {
    const mb = (stat.size / (1024 * 1024)).toFixed(1);
    error = `The file is ${mb} MB, over the ${maxEditableBytes / (1024 * 1024)} MB Postdesk edits: it opens read-only.`;
    errorLine = null;
  } else if (read.binary || headerText.includes('\0')) {
    error = 'The file holds NUL bytes: it looks binary, not text. It opens read-only.';
    errorLine = null;
  } else if (read.invalidUtf8) {
    error = 'The file is not valid UTF-8 text. It opens read-only.';
    errorLine = null;
  }
  const section = sectionOf(site, id);
  const parts = id.split('/');
  const fileName = parts[parts.length - 1] ?? id;
  const jekyllDate = site.generator === 'jekyll' ? /^(\d{4}-\d{2}-\d{2})-/.exec(fileName)?.[1] : undefined;
  return {
    id,
    title: text(data.title) ?? fallbackTitle(parts),
    date: dateText(data.date) ?? jekyllDate ?? null,
    lastmod: dateText(data.lastmod) ?? dateText(data.last_modified_at) ?? dateText(data.updated),
    publishDate: dateText(data.publishDate) ?? dateText(data.pubDate) ?? dateText(data.publishdate),
    draft: isTrue(data.draft) || (site.generator === 'jekyll' && section === 'drafts'),
    authors: list(data.authors ?? data.author),
    tags: list(data.tags),
    categories: list(data.categories ?? data.category),
    section,
    bodyKind: detectBodyKind(fileName, headerText.slice(split.bodyStart)),
    format: split.format,
    error,
    errorLine,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
}

/** The title shown for a post without one: its file name, or its folder's name for a page bundle. */
function fallbackTitle(parts: string[]): string {
  const fileName = parts[parts.length - 1] ?? '';
  const stem = fileName.replace(/\.[^.]+$/, '');
  if ((stem === 'index' || stem === '_index') && parts.length > 1) return parts[parts.length - 2] ?? stem;
  return stem;
}

function sectionOf(site: SiteInfo, id: string): string {
  const dir = site.contentDirs.find((candidate) => candidate === '.' || id.startsWith(`${candidate}/`));
  const rest = dir && dir !== '.' ? id.slice(dir.length + 1) : id;
  if (site.generator === 'jekyll' && dir) return dir.replace(/^_/, '');
  const parts = rest.split('/');
  return parts.length > 1 ? (parts[0] ?? '') : '';
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function dateText(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return text(value);
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => text(item)).filter((item) => item !== null);
  const single = text(value);
  return single === null ? [] : [single];
}
