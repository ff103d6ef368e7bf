/**
 * The format-neutral picture of a front matter block that the lossless writer works on: every
 * key and value with the source range it occupies, so an edit can replace just those characters.
 */

/** A front matter value as the form sees it: plain JSON-like data (dates are strings). */
export type FmValue = string | number | boolean | null | FmValue[] | { [key: string]: FmValue };

/** A front matter map of keys to values. */
export type FmMap = { [key: string]: FmValue };

/** A scalar value and where its text lies. */
export interface LocScalar {
  kind: 'scalar';
  start: number;
  /** Just past the value's own text (never past a trailing comment or line break). */
  end: number;
  value: FmValue;
  /** How the source wrote it: the format's style name (e.g. PLAIN, QUOTE_DOUBLE, literal, date). */
  style: string;
}

/** How a collection is laid out in the source, which decides how entries are added and removed. */
export type Layout = 'block' | 'bracket' | 'fixed';

/** One key of a map or one item of a list, with the range from its key (or item) to its value's end. */
export interface LocEntry {
  key: string;
  start: number;
  end: number;
  node: LocNode;
}

/** A map or a list and where its entries lie. */
export interface LocCollection {
  kind: 'map' | 'seq';
  layout: Layout;
  start: number;
  end: number;
  /** For bracket layout: the offsets of the opening and closing bracket. */
  open: number;
  close: number;
  entries: LocEntry[];
  /** For block layout: the text that starts each entry's line (its indentation). */
  indent: string;
  /** For block layout: where a new entry's lines go. */
  appendAt: number;
  value: FmValue;
  /** Format-specific detail (e.g. a TOML table's dotted path). */
  path: string[];
}

/** Any located node. */
export type LocNode = LocScalar | LocCollection;

/** A replacement of source[start, end) by text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** What a format must provide so the generic patcher can write new text in its syntax. */
export interface FormatWriter {
  /** The line break used for new lines. */
  eol: string;
  /** The block's root map: emptied by removing its entries' lines, never rewritten whole. */
  root?: LocCollection;
  /** Text for a changed scalar, keeping the old one's style where it can. */
  scalar(value: FmValue, old: LocScalar, inFlow: boolean): string;
  /** A splice replacing node with value (any type). Throws CannotEditInPlace when it cannot. */
  replace(node: LocNode, value: FmValue, inFlow: boolean): Splice | Splice[];
  /** False when a block list cannot hold `value` as an item (a TOML array of tables takes only tables). */
  acceptsItem?(collection: LocCollection, value: FmValue): boolean;
  /** True when a 'fixed' collection can still be patched entry by entry (a TOML implied or dotted-key table). */
  editsFixed?(collection: LocCollection): boolean;
  /** The splices removing one entry with its own lines, or null for the generic removal. */
  entryLines?(collection: LocCollection, entry: LocEntry): Splice[] | null;
  /** The splice adding new entries to a 'fixed' collection, or null when it cannot take them. */
  appendFixed?(collection: LocCollection, entries: [string, FmValue][]): Splice | null;
  /** The full lines (ending with eol) of a new entry of a block collection. */
  blockEntry(collection: LocCollection, key: string, value: FmValue): string;
  /** The text of a new entry of a bracket collection, placed after `indent` on its line. */
  bracketEntry(collection: LocCollection, key: string, value: FmValue, indent: string): string;
}

/** Thrown when an edit cannot be written in place; the caller falls back or reports it. */
export class CannotEditInPlace extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotEditInPlace';
  }
}

/** Thrown when an edit must not be written at all (a read-only value); no fallback is tried. */
export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

/** Splices removing every entry of a block collection with its whole lines (comments between them stay). */
export function removeEntryLines(source: string, node: LocCollection): Splice[] {
  return node.entries.map((entry) => {
    const start = lineStart(source, entry.start);
    if (!/^[ \t]*$/.test(source.slice(start, entry.start))) {
      throw new CannotEditInPlace('An entry shares its line with another.');
    }
    return { start, end: lineEndAfter(source, entry.end), text: '' };
  });
}

/** The value at `path` in data (undefined when absent). */
export function getIn(data: FmValue, path: readonly (string | number)[]): FmValue | undefined {
  let cursor: FmValue | undefined = data;
  for (const part of path) {
    if (Array.isArray(cursor)) cursor = cursor[Number(part)];
    else if (isFmMap(cursor))
      cursor = Object.prototype.hasOwnProperty.call(cursor, part) ? cursor[String(part)] : undefined;
    else return undefined;
  }
  return cursor;
}

/** A copy of data with `value` at `path` (maps and lists on the way are copied, new keys go last). */
export function setIn<T extends FmValue>(data: T, path: readonly (string | number)[], value: FmValue): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[Number(head)] = setIn((copy[Number(head)] ?? {}) as FmValue, rest, value);
    return copy as T;
  }
  const map: FmMap = isFmMap(data) ? data : {};
  const key = String(head);
  const child: FmValue = Object.prototype.hasOwnProperty.call(map, key) ? map[key]! : {};
  return { ...map, [key]: setIn(child, rest, value) } as T;
}

/** True when a and b are the same data (deep, order of map keys ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  const bo = b as Record<string, unknown>;
  const ao = a as Record<string, unknown>;
  return ak.every((key) => Object.prototype.hasOwnProperty.call(bo, key) && sameValue(ao[key], bo[key]));
}

/** True when value is a map (a plain object, not a list and not null). */
export function isFmMap(value: unknown): value is FmMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when value is a scalar (not a list or map). */
export function isFmScalar(value: unknown): value is string | number | boolean | null {
  return value === null || (typeof value !== 'object' && typeof value !== 'undefined');
}

/** The offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the line break ending the line holding `offset` (or the text's end). */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const index = text.indexOf('\n', offset);
  return index === -1 ? text.length : index + 1;
}

/** Applies splices (non-overlapping) to text. */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const splice of sorted) {
    if (splice.end > limit) throw new CannotEditInPlace('Two changes overlap.');
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
  }
  return result;
}
