import { promises as fs } from 'node:fs';
import type { PostSummary, SiteInfo } from '../../shared/api';
import { detectBodyKind } from '../../shared/post/body-kind';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { parseHeader } from './front-matter-data';

const firstChunk = 16 * 1024;
const maxHeader = 1024 * 1024;

/**
 * Reads just enough of a post file to hold its whole front matter block (16 KiB, growing up to
 * 1 MiB only when the block is longer) and answers that text; the body is never read in full.
 */
export async function readHeaderText(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    let size = firstChunk;
    for (;;) {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      const split = splitFrontMatter(text);
      const complete = split.format === null || split.error === null || bytesRead < size;
      if (complete || size >= maxHeader) return text;
      size *= 4;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Builds the list row of one post from its header text: title, dates, draft, authors, tags,
 * section and body kind, or the parse problem that kept the front matter from being read.
 */
export function summarize(
  site: SiteInfo,
  id: string,
  headerText: string,
  stat: { mtimeMs: number; size: number },
): PostSummary {
  const split = splitFrontMatter(headerText);
  let data: Record<string, unknown> = {};
  let error = split.error;
  if (split.format !== null && split.error === null) {
    const parsed = parseHeader(headerText.slice(0, split.rawEnd), split.format, split.rawStart);
    if (parsed.ok) data = parsed.data;
    else error = parsed.error;
  }
  if (headerText.includes('\0')) error = 'The file holds NUL bytes: it looks binary, not text.';
  const section = sectionOf(site, id);
  const fileName = id.split('/').pop() ?? id;
  return {
    id,
    title: text(data.title) ?? fileName.replace(/\.[^.]+$/, ''),
    date: dateText(data.date) ?? dateText(data.publishDate),
    lastmod: dateText(data.lastmod),
    draft: data.draft === true || data.draft === 'true' || section === 'drafts',
    authors: list(data.authors ?? data.author),
    tags: list(data.tags),
    categories: list(data.categories),
    section,
    bodyKind: detectBodyKind(fileName, headerText.slice(split.bodyStart)),
    format: split.format,
    error,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
}

function sectionOf(site: SiteInfo, id: string): string {
  const dir = site.contentDirs.find((candidate) => candidate === '.' || id.startsWith(`${candidate}/`));
  const rest = dir && dir !== '.' ? id.slice(dir.length + 1) : id;
  if (site.generator === 'jekyll' && dir) return dir.replace(/^_/, '');
  const parts = rest.split('/');
  return parts.length > 1 ? (parts[0] ?? '') : '';
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
