import { randomUUID } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import type { Revision } from '../../../shared/api';
import type {
  EditFile,
  EditPreview,
  LineChange,
  ReplaceFile,
  ReplaceMatch,
  ReplaceOutcome,
  ReplacePreview,
  SearchQuery,
} from '../../../shared/api-search';
import { isPostdeskError, PostdeskError } from '../../../shared/errors';
import { parseFrontMatter } from '../../../shared/post/parse-front-matter';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { syncFolder } from '../atomic-write';
import { readOnlyReason, revisionOf, type PostStore } from '../post-store';
import { maxEditableBytes } from '../post-summary';
import { resolveExisting } from '../site-paths';
import { expandReplacement, replaceFinder, type FoundMatch } from './search-matcher';
import { passesFilters } from './search-query';
import type { SearchIndex } from './search-index';
import type { PostSummary } from '../../../shared/api';

/** The most files one replace previews or changes. */
export const maxReplaceFiles = 5000;
const maxUndoRecords = 10;

/** What a replace needs of the open site. */
export interface ReplaceSite {
  root: string;
  store: PostStore;
  index: SearchIndex;
  summary(id: string): PostSummary | null;
  /** Tells the post index and the search index that this replace wrote `text` as post `id`. */
  changed(id: string, text: string, revision: Revision): Promise<void>;
}

interface FileRead {
  text: string;
  revision: Revision;
}

interface UndoRecord {
  files: { id: string; original: string; written: string }[];
}

/** Reads a post for a replace, or answers why it is skipped (binary, not UTF-8, too large, read-only). */
async function readForReplace(root: string, id: string): Promise<FileRead | { reason: string }> {
  const file = await resolveExisting(root, id);
  const stat = await fs.stat(file);
  if (!stat.isFile() || stat.size > maxEditableBytes) return { reason: 'too large to edit safely' };
  const bytes = await fs.readFile(file);
  if (readOnlyReason(bytes) !== null) return { reason: 'binary or not UTF-8 text' };
  const writable = await fs.access(file, constants.W_OK).then(
    () => true,
    // Not writable (or gone): reported as the skip reason below.
    () => false,
  );
  if (!writable) return { reason: 'the file is read-only' };
  return { text: bytes.toString('utf8'), revision: revisionOf(bytes, stat) };
}

/** An edit of a post's whole text: the new text, or why the post is refused. */
export type TextEdit = (text: string) => string | { reason: string };

/** The lines that differ between two texts (the common first and last lines trimmed), numbered in `before`. */
export function lineChanges(before: string, after: string): LineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const changes: LineChange[] = [];
  for (let at = 0; at < Math.max(endA - start, endB - start); at++) {
    const left = start + at < endA ? (a[start + at] ?? '').replace(/\r$/, '') : null;
    const right = start + at < endB ? (b[start + at] ?? '').replace(/\r$/, '') : null;
    changes.push({ line: start + at + 1, before: left, after: right });
  }
  return changes;
}

/** Runs `work` over `items` at most `limit` at a time and answers the results in order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The folders a batch of saves renamed files in: each is fsynced once when the batch is done
 * (each file is still fsynced before its rename), instead of once per file.
 */
class FolderSyncs {
  private readonly folders = new Set<string>();
  readonly options = { deferFolderSync: (folder: string) => void this.folders.add(folder) };

  /** Fsyncs every folder heard of. */
  async sync(): Promise<void> {
    await Promise.all([...this.folders].map((folder) => syncFolder(folder)));
    this.folders.clear();
  }
}

/** How many files a replace reads and writes at once (their fsyncs overlap). */
const parallelFiles = 8;

/** Why the change breaks the front matter, or null; matches all in the body cannot touch it. */
function breakOf(before: string, after: string, matches: readonly FoundMatch[]): string | null {
  const split = splitFrontMatter(before);
  if (
    split.format !== null &&
    split.error === null &&
    matches.every((match) => match.offset >= split.bodyStart)
  ) {
    return null;
  }
  return frontMatterBreak(before, after);
}

/** Why a changed text's front matter no longer parses while the original's did, or null. */
export function frontMatterBreak(before: string, after: string): string | null {
  const read = (text: string) => {
    const split = splitFrontMatter(text);
    if (split.format === null) return { ok: true as const };
    if (split.error !== null) return { ok: false as const, error: split.error };
    return parseFrontMatter(text.slice(split.rawStart, split.rawEnd), split.format);
  };
  const was = read(before);
  if (!was.ok) return null;
  const now = read(after);
  return now.ok ? null : `the replace would break the front matter (${now.error})`;
}

/** The text with the chosen matches replaced (matches sorted by offset, not overlapping). */
export function applyMatches(
  text: string,
  matches: readonly FoundMatch[],
  replacement: string,
  regex: boolean,
): string {
  let out = '';
  let at = 0;
  for (const match of matches) {
    if (match.offset < at) continue;
    out += text.slice(at, match.offset) + expandReplacement(replacement, match, text, regex);
    at = match.offset + match.length;
  }
  return out + text.slice(at);
}

function lineBounds(text: string, offset: number, length: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset + length);
  return [start, end === -1 ? text.length : end];
}

function allMatches(text: string, search: SearchQuery): FoundMatch[] {
  const find = replaceFinder(search);
  const found = (find ? find(text, 100000) : []).filter((match) => match.length > 0);
  const kept: FoundMatch[] = [];
  let end = 0;
  for (const match of found) {
    if (match.offset < end) continue;
    kept.push(match);
    end = match.offset + match.length;
  }
  return kept;
}

/**
 * Site-wide replace: previews every file the query matches (each match with its line before and
 * after), applies the chosen matches file by file through the post store's revision-checked atomic
 * save, and keeps the originals so `undo` can put every changed file back.
 */
export class SiteReplace {
  private readonly undo = new Map<string, UndoRecord>();

  constructor(private readonly site: () => ReplaceSite) {}

  /** Every file the query matches (re-read from disk), with each match and its replacement. */
  async preview(search: SearchQuery, replacement: string): Promise<ReplacePreview> {
    const open = this.site();
    replaceFinder(search);
    await open.index.sync();
    const files: ReplaceFile[] = [];
    const skipped: { id: string; reason: string }[] = [];
    let truncated = false;
    const ids: string[] = [];
    for (const id of [...open.index.docs.keys()].sort()) {
      const doc = open.index.docs.get(id);
      if (!doc || !passesFilters(open.summary(id), search)) continue;
      if (allMatches(doc.text, search).length === 0) continue;
      if (ids.length >= maxReplaceFiles) {
        truncated = true;
        break;
      }
      ids.push(id);
    }
    const previews = await mapLimited(ids, parallelFiles, (id) => this.previewFile(id, search, replacement));
    for (const entry of previews) {
      if (entry === null) continue;
      if ('reason' in entry) skipped.push(entry);
      else files.push(entry);
    }
    return { files, skipped, truncated };
  }

  private async previewFile(
    id: string,
    search: SearchQuery,
    replacement: string,
  ): Promise<ReplaceFile | { id: string; reason: string } | null> {
    const open = this.site();
    const regex = search.regex === true;
    const read = await readForReplace(open.root, id).catch((error: Error) => ({ reason: error.message }));
    if ('reason' in read) return { id, reason: read.reason };
    const found = allMatches(read.text, search);
    if (found.length === 0) return null;
    const broken = breakOf(read.text, applyMatches(read.text, found, replacement, regex), found);
    if (broken !== null) return { id, reason: broken };
    const matches: ReplaceMatch[] = [];
    let line = 1;
    let counted = 0;
    for (const match of found) {
      for (
        let at = read.text.indexOf('\n', counted);
        at !== -1 && at < match.offset;
        at = read.text.indexOf('\n', at + 1)
      ) {
        line++;
        counted = at + 1;
      }
      const [start, end] = lineBounds(read.text, match.offset, match.length);
      const replaced = expandReplacement(replacement, match, read.text, regex);
      matches.push({
        offset: match.offset,
        length: match.length,
        line,
        text: read.text.slice(match.offset, match.offset + match.length),
        replacement: replaced,
        before: read.text.slice(start, end).replace(/\r$/, ''),
        after: (
          read.text.slice(start, match.offset) +
          replaced +
          read.text.slice(match.offset + match.length, end)
        ).replace(/\r$/, ''),
      });
    }
    return { id, title: open.index.docs.get(id)?.title ?? id, sha256: read.revision.sha256, matches };
  }

  /**
   * Replaces the chosen matches (by offset) of each file whose bytes are still those previewed;
   * a file changed since, or whose front matter the change would break, is skipped with the reason.
   */
  async apply(
    search: SearchQuery,
    replacement: string,
    chosen: readonly { id: string; sha256: string; offsets: readonly number[] }[],
  ): Promise<ReplaceOutcome> {
    const open = this.site();
    replaceFinder(search);
    const regex = search.regex === true;
    const changed: { id: string; sha256: string }[] = [];
    const skipped: { id: string; reason: string }[] = [];
    const record: UndoRecord = { files: [] };
    const folders = new FolderSyncs();
    await mapLimited(chosen, parallelFiles, async (file) => {
      if (file.offsets.length === 0) return;
      try {
        const read = await readForReplace(open.root, file.id);
        if ('reason' in read) {
          skipped.push({ id: file.id, reason: read.reason });
          return;
        }
        if (read.revision.sha256 !== file.sha256) {
          skipped.push({ id: file.id, reason: 'the file changed on disk since it was searched' });
          return;
        }
        const wanted = new Set(file.offsets);
        const found = allMatches(read.text, search).filter((match) => wanted.has(match.offset));
        if (found.length === 0) return;
        const after = applyMatches(read.text, found, replacement, regex);
        if (after === read.text) return;
        const broken = breakOf(read.text, after, found);
        if (broken !== null) {
          skipped.push({ id: file.id, reason: broken });
          return;
        }
        const saved = await open.store.save(file.id, after, read.revision, false, folders.options);
        record.files.push({ id: file.id, original: read.text, written: saved.revision.sha256 });
        changed.push({ id: file.id, sha256: saved.revision.sha256 });
        await open.changed(file.id, after, saved.revision);
      } catch (error) {
        const reason = isPostdeskError(error) ? error.message : (error as Error).message;
        skipped.push({ id: file.id, reason });
      }
    });
    await folders.sync();
    return { changed, skipped, undoId: record.files.length > 0 ? this.keep(record) : null };
  }

  /**
   * Previews an edit of whole texts over posts `ids` (read from disk): each file the edit changes,
   * with its changed lines; a file it refuses (or cannot read) is skipped with the reason.
   */
  async previewEdits(ids: readonly string[], edit: TextEdit): Promise<EditPreview> {
    const open = this.site();
    const files: EditFile[] = [];
    const skipped: { id: string; reason: string }[] = [];
    const entries = await mapLimited(ids, parallelFiles, async (id) => {
      const read = await readForReplace(open.root, id).catch((error: Error) => ({ reason: error.message }));
      if ('reason' in read) return { id, reason: read.reason };
      const after = edit(read.text);
      if (typeof after !== 'string') return { id, reason: after.reason };
      if (after === read.text) return null;
      const file: EditFile = {
        id,
        title: open.summary(id)?.title ?? id,
        sha256: read.revision.sha256,
        changes: lineChanges(read.text, after),
      };
      return file;
    });
    for (const entry of entries) {
      if (entry === null) continue;
      if ('reason' in entry) skipped.push(entry);
      else files.push(entry);
    }
    return { files, skipped };
  }

  /** Applies an edit of whole texts to each file still holding the previewed bytes; undoable like a replace. */
  async applyEdits(
    chosen: readonly { id: string; sha256: string }[],
    edit: TextEdit,
  ): Promise<ReplaceOutcome> {
    const open = this.site();
    const changed: { id: string; sha256: string }[] = [];
    const skipped: { id: string; reason: string }[] = [];
    const record: UndoRecord = { files: [] };
    const folders = new FolderSyncs();
    await mapLimited(chosen, parallelFiles, async (file) => {
      try {
        const read = await readForReplace(open.root, file.id);
        if ('reason' in read) {
          skipped.push({ id: file.id, reason: read.reason });
          return;
        }
        if (read.revision.sha256 !== file.sha256) {
          skipped.push({ id: file.id, reason: 'the file changed on disk since the preview' });
          return;
        }
        const after = edit(read.text);
        if (typeof after !== 'string') {
          skipped.push({ id: file.id, reason: after.reason });
          return;
        }
        if (after === read.text) return;
        const saved = await open.store.save(file.id, after, read.revision, false, folders.options);
        record.files.push({ id: file.id, original: read.text, written: saved.revision.sha256 });
        changed.push({ id: file.id, sha256: saved.revision.sha256 });
        await open.changed(file.id, after, saved.revision);
      } catch (error) {
        skipped.push({ id: file.id, reason: (error as Error).message });
      }
    });
    await folders.sync();
    return { changed, skipped, undoId: record.files.length > 0 ? this.keep(record) : null };
  }

  /** Puts back every file of replace `undoId` that still holds what the replace wrote. */
  async undoReplace(undoId: string): Promise<ReplaceOutcome> {
    const open = this.site();
    const record = this.undo.get(undoId);
    if (!record) throw new PostdeskError('not-found', 'That replace can no longer be undone.');
    const changed: { id: string; sha256: string }[] = [];
    const skipped: { id: string; reason: string }[] = [];
    const folders = new FolderSyncs();
    await mapLimited(record.files, parallelFiles, async (file) => {
      try {
        const read = await readForReplace(open.root, file.id);
        if ('reason' in read) {
          skipped.push({ id: file.id, reason: read.reason });
          return;
        }
        if (read.revision.sha256 !== file.written) {
          skipped.push({ id: file.id, reason: 'the file changed on disk since the replace' });
          return;
        }
        const saved = await open.store.save(file.id, file.original, read.revision, false, folders.options);
        changed.push({ id: file.id, sha256: saved.revision.sha256 });
        await open.changed(file.id, file.original, saved.revision);
      } catch (error) {
        skipped.push({ id: file.id, reason: (error as Error).message });
      }
    });
    await folders.sync();
    this.undo.delete(undoId);
    return { changed, skipped, undoId: null };
  }

  private keep(record: UndoRecord): string {
    const id = randomUUID();
    this.undo.set(id, record);
    while (this.undo.size > maxUndoRecords) {
      const oldest = this.undo.keys().next().value;
      if (oldest === undefined) break;
      this.undo.delete(oldest);
    }
    return id;
  }
}
