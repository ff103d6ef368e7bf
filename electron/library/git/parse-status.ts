import type { GitFileState } from '../../../shared/api-git';

/** One entry of `git status --porcelain=v2 -z`, repository-relative. */
export interface StatusEntry {
  path: string;
  from: string | null;
  state: GitFileState;
}

/** The branch header and entries of one `git status --porcelain=v2 -z --branch` answer. */
export interface ParsedStatus {
  branch: string | null;
  detached: boolean;
  upstream: string | null;
  ahead: number;
  behind: number;
  entries: StatusEntry[];
  submodules: boolean;
  truncated: boolean;
}

/** Skips `count` space-separated fields of `record` from `start` and answers the index after them. */
function afterFields(record: string, count: number): number {
  let index = 0;
  for (let field = 0; field < count; field += 1) {
    index = record.indexOf(' ', index);
    if (index < 0) return -1;
    index += 1;
  }
  return index;
}

function stateOf(xy: string): GitFileState | null {
  const x = xy[0] ?? '.';
  const y = xy[1] ?? '.';
  if (x === 'A' && y === 'D') return null; // added, then deleted again: nothing against HEAD
  if (x === 'R' || x === 'C') return 'renamed';
  if (x === 'D' || y === 'D') return 'deleted';
  if (x === 'A') return 'new';
  return 'modified';
}

/**
 * Parses `git status --porcelain=v2 -z --branch` in one linear pass (records split on NUL, fields
 * found by index, never a regular expression over the whole answer), keeping at most `limit` entries.
 * Submodule entries are left out and noted.
 */
export function parseStatus(output: string, limit = 50_000): ParsedStatus {
  const parsed: ParsedStatus = {
    branch: null,
    detached: false,
    upstream: null,
    ahead: 0,
    behind: 0,
    entries: [],
    submodules: false,
    truncated: false,
  };
  let start = 0;
  while (start < output.length) {
    let end = output.indexOf('\0', start);
    if (end < 0) end = output.length;
    const record = output.slice(start, end);
    start = end + 1;
    const kind = record[0];
    if (kind === '#') {
      if (record.startsWith('# branch.head ')) {
        const head = record.slice('# branch.head '.length);
        parsed.detached = head === '(detached)';
        parsed.branch = parsed.detached ? null : head;
      } else if (record.startsWith('# branch.upstream ')) {
        parsed.upstream = record.slice('# branch.upstream '.length);
      } else if (record.startsWith('# branch.ab ')) {
        const [ahead, behind] = record.slice('# branch.ab '.length).split(' ');
        parsed.ahead = Math.abs(Number.parseInt(ahead ?? '0', 10)) || 0;
        parsed.behind = Math.abs(Number.parseInt(behind ?? '0', 10)) || 0;
      }
      continue;
    }
    let entry: StatusEntry | null = null;
    if (kind === '?') {
      entry = { path: record.slice(2), from: null, state: 'new' };
    } else if (kind === '1' || kind === '2' || kind === 'u') {
      const xy = record.slice(2, 4);
      const sub = record.slice(5, 9);
      const fields = kind === '1' ? 8 : kind === '2' ? 9 : 10;
      const at = afterFields(record, fields);
      let from: string | null = null;
      if (kind === '2') {
        // A rename's original path is the next NUL-terminated record.
        let next = output.indexOf('\0', start);
        if (next < 0) next = output.length;
        from = output.slice(start, next);
        start = next + 1;
      }
      if (sub.startsWith('S')) {
        parsed.submodules = true;
      } else if (at > 0) {
        const state = kind === 'u' ? 'conflicted' : stateOf(xy);
        if (state !== null) entry = { path: record.slice(at), from, state };
      }
    }
    if (entry === null) continue;
    if (parsed.entries.length >= limit) {
      parsed.truncated = true;
      continue;
    }
    parsed.entries.push(entry);
  }
  return parsed;
}
