// The checks of one post for the problems pass, shared by the host (in-process pass) and the
// problems worker: nothing here reads the site schema (the host sends its fields), so the worker
// bundle stays small.
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { FrontMatterFormat, SchemaField, SiteInfo } from '../../../shared/api';
import { checkPost } from '../../../shared/lint/check-post';
import { findSiteRefs } from '../../../shared/lint/site-refs';
import { detectBodyKind } from '../../../shared/post/body-kind';
import { readFrontMatter } from '../../../shared/post/front-matter/front-matter-edit';
import type { FmMap } from '../../../shared/post/front-matter/located-tree';
import { validateFrontMatter } from '../../../shared/post/front-matter/validate-front-matter';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { parseHeader } from '../front-matter-data';
import { maxEditableBytes } from '../post-summary';
import { readWholeSync } from '../read-whole-sync';

/** What one pass knows about the site besides the posts: the schema's fields and the static files. */
export interface SiteFacts {
  /** The site schema's front matter fields (empty when the site has no schema). */
  fields: readonly SchemaField[];
  /** Site-relative ids of every file below the static folder, listed once per pass. */
  staticFiles: ReadonlySet<string>;
  /** The static folder these ids are below, or null when the site has none. */
  staticDir: string | null;
  /** True when a site-relative id outside the static folder is an existing file (page bundle resources). */
  fileExists(id: string): boolean;
}

/** How many problems one post's text has and the first one's message. */
export interface ProblemResult {
  count: number;
  first: string | null;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const skippedStatic = new Set(['node_modules']);

/**
 * Lists what a pass needs to know once besides the schema's `fields` (read by the host, so that the
 * workers need no schema reader): the static folder's files as a Set, so the missing-file check
 * costs a lookup per reference instead of a stat.
 */
export async function listSiteFacts(site: SiteInfo, fields: readonly SchemaField[]): Promise<SiteFacts> {
  const staticFiles = new Set<string>();
  if (site.staticDir !== null) {
    const start = site.staticDir === '.' ? site.root : path.join(site.root, site.staticDir);
    const prefix = site.staticDir === '.' ? '' : `${site.staticDir}/`;
    // A folder that is missing or cannot be listed has no entries.
    const entries = await fs.readdir(start, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = path.relative(start, path.join(entry.parentPath, entry.name)).split(path.sep);
      if (relative.some((part) => skippedStatic.has(part))) continue;
      staticFiles.add(prefix + relative.join('/'));
    }
  }
  const known = new Map<string, boolean>();
  return {
    fields,
    staticFiles,
    staticDir: site.staticDir,
    fileExists(id) {
      let exists = known.get(id);
      if (exists === undefined) {
        try {
          exists = statSync(path.join(site.root, ...id.split('/'))).isFile();
        } catch {
          // Missing or unreadable: not a file of the site.
          exists = false;
        }
        known.set(id, exists);
      }
      return exists;
    },
  };
}

/**
 * How checkPostProblems reads the front matter: `fast` parses it once (YAML by the post list's
 * header reader) for every check; `editor` is the slower reference, kept for the differential
 * test: the editor's lossless reader, then the lint's own parse for the title and date checks.
 */
export type FrontMatterReaders = 'fast' | 'editor';

/**
 * Runs every check of a post that needs no network on its whole text: the content checks of
 * shared/lint (mojibake, images without alt, target=_blank without noopener, repeated style
 * properties, empty title, unreadable dates, missing site files) and the site schema's validation
 * (required fields, wrong types, invalid dates), counting a problem found by both only once.
 */
export function checkPostProblems(
  id: string,
  text: string,
  facts: SiteFacts,
  readers: FrontMatterReaders = 'fast',
): ProblemResult {
  const split = splitFrontMatter(text);
  if (split.error) return { count: 1, first: split.error };
  const messages: string[] = [];
  const fileName = id.slice(id.lastIndexOf('/') + 1);
  const body = text.slice(split.bodyStart);
  const kind = detectBodyKind(fileName, body);
  const data = split.format === null ? undefined : frontMatterData(text, split, readers);
  if (data && !data.ok) return { count: 1, first: data.error };
  if (data && facts.fields.length > 0) {
    for (const problem of validateFrontMatter(data.data, facts.fields)) messages.push(problem.message);
  }
  const refs = findSiteRefs(body, kind === 'markdown', facts.staticDir, id);
  const staticPrefix = facts.staticDir === null || facts.staticDir === '.' ? '' : `${facts.staticDir}/`;
  const existing = new Set<string>();
  for (const ref of refs) {
    const inStatic = staticPrefix === '' || ref.id.startsWith(staticPrefix);
    if (inStatic ? facts.staticFiles.has(ref.id) || facts.fileExists(ref.id) : facts.fileExists(ref.id)) {
      existing.add(ref.id);
    }
  }
  const lint = checkPost(text, kind, { refs, existing }, readers === 'fast' ? data?.data : undefined);
  // The schema check also flags a missing title or an unreadable date: count those once.
  const lintTitle = lint.some((problem) => problem.code === 'empty-title');
  const badDates = new Set(
    lint
      .filter((problem) => problem.code === 'bad-date')
      .map((problem) => /"([^"]*)"/.exec(problem.message)?.[1]),
  );
  const kept = messages.filter((message) => {
    if (lintTitle && isTitleMessage(message, facts.fields)) return false;
    const date = /^"(.*)" is not a date/.exec(message)?.[1];
    return date === undefined || !badDates.has(date);
  });
  const all = [...kept, ...lint.map((problem) => problem.message)];
  return { count: all.length, first: all[0] ?? null };
}

/** Lines longer than this go to the editor's reader (yaml refuses implicit keys past 1,024 characters; js-yaml does not). */
const longLine = 1024;

/**
 * The front matter's data, parsed once for every check: a YAML block by the post list's header
 * reader (js-yaml CORE, about 10x faster than the editor's lossless reader, and shown by the
 * differential tests to read blocks alike). A block nested deeper than that reader allows (100
 * levels) is answered its refusal, the same in every thread (the editor's reader would go as deep
 * as the thread's stack, which differs between the host and a worker). A block with a very long
 * line, one the header reader refuses otherwise, TOML (whose dates the editor keeps as text) and
 * JSON are read by the editor's reader, whose message is the problem.
 */
function frontMatterData(
  text: string,
  split: { format: FrontMatterFormat | null; rawStart: number; rawEnd: number },
  readers: FrontMatterReaders,
): { ok: true; data: FmMap } | { ok: false; error: string } {
  if (split.format === 'yaml' && readers === 'fast') {
    const header = parseHeader(text.slice(0, split.rawEnd), 'yaml', split.rawStart);
    if (!header.ok && header.error.endsWith('nesting exceeded maxDepth (100)')) {
      return { ok: false, error: header.error };
    }
    if (header.ok && !hasLineLongerThan(text, split.rawStart, split.rawEnd, longLine)) {
      return { ok: true, data: header.data as FmMap };
    }
  }
  const read = readFrontMatter(text.slice(split.rawStart, split.rawEnd), split.format ?? 'yaml');
  return read.ok ? { ok: true, data: read.data } : { ok: false, error: read.error };
}

/** True when a line of text[from, to) is longer than `limit` characters (one linear scan). */
function hasLineLongerThan(text: string, from: number, to: number, limit: number): boolean {
  let start = from;
  while (start < to) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 || end > to ? to : end;
    if (stop - start > limit) return true;
    start = stop + 1;
  }
  return false;
}

function isTitleMessage(message: string, fields: readonly SchemaField[]): boolean {
  const title = fields.find((field) => field.name === 'title');
  return title !== undefined && message === `${title.label ?? title.name} is required.`;
}

/**
 * Reads a post whole for the checks, or answers the one problem that keeps it from being checked;
 * text and problem both null when `known` says its mtime+size are those of the last check. With
 * `statFirst` (the caller has such a record) the file is only stat'ed when it is unchanged.
 */
export function readPostText(
  file: string,
  known: (stat: { mtimeMs: number; size: number }) => boolean,
  statFirst = false,
): { stat: { mtimeMs: number; size: number }; text: string | null; problem: string | null } | null {
  if (statFirst) {
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(file, { throwIfNoEntry: false });
    } catch {
      // Unreadable: the pass skips the post (it is no longer listed, or not ours to read).
      return null;
    }
    if (info === undefined) return null;
    const stat = { mtimeMs: info.mtimeMs, size: info.size };
    if (info.isFile() && known(stat)) return { stat, text: null, problem: null };
  }
  const read = readWholeSync(file, maxEditableBytes, { known });
  if (read === null) return null;
  const { stat, bytes } = read;
  if (read.known) return { stat, text: null, problem: null };
  if (bytes === null) {
    return { stat, text: null, problem: 'The file is too large to check: it opens read-only.' };
  }
  if (bytes.includes(0)) {
    return { stat, text: null, problem: 'The file holds NUL bytes: it looks binary, not text.' };
  }
  try {
    return { stat, text: fatalDecoder.decode(bytes), problem: null };
  } catch {
    // Not UTF-8: reported to the writer as the post's problem.
    return { stat, text: null, problem: 'The file is not valid UTF-8 text.' };
  }
}
