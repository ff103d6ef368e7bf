import type { FrontMatterFormat } from '../../api';
import { parseJsonBlock, jsonWriter } from './json-format';
import {
  applySplices,
  CannotEditInPlace,
  EditRefused,
  getIn,
  isFmMap,
  sameValue,
  setIn,
  type FmMap,
  type FmValue,
  type FormatWriter,
  type LocCollection,
  type LocNode,
  type LocEntry,
} from './located-tree';
import { patchNode } from './patch-tree';
import { parseTomlBlock, tomlWriter } from './toml-format';
import {
  parseYamlBlock,
  prepareYamlEdit,
  yamlComments,
  yamlDocumentFallback,
  yamlFallbackRefusal,
  yamlWriter,
  type YamlParsed,
} from './yaml-format';

/** The result of reading a front matter block: its data, or a problem with its line (1-based, within the block). */
export type FrontMatterRead = { ok: true; data: FmMap } | { ok: false; error: string; line: number | null };

interface Located {
  data: FmMap;
  root: LocCollection;
  writer: FormatWriter;
  yaml?: YamlParsed;
}

function locate(raw: string, format: FrontMatterFormat): Located {
  if (format === 'yaml') {
    const parsed = parseYamlBlock(raw);
    const { root } = parsed;
    return { data: root.value as FmMap, root, writer: yamlWriter(raw, root), yaml: parsed };
  }
  if (format === 'toml') {
    const { data, root, homes } = parseTomlBlock(raw);
    return { data, root, writer: tomlWriter(raw, root, homes) };
  }
  const { data, root } = parseJsonBlock(raw);
  return { data, root, writer: jsonWriter(raw) };
}

/**
 * Reads the text between a block's fences (for JSON, the whole `{ }`) as editable data: YAML by
 * the 1.2 core schema (unquoted dates stay strings), TOML dates as their source text. Never throws.
 */
export function readFrontMatter(raw: string, format: FrontMatterFormat): FrontMatterRead {
  try {
    return { ok: true, data: locate(raw, format).data };
  } catch (error) {
    const line = (error as Error & { line?: number | null }).line ?? null;
    return { ok: false, error: (error as Error).message, line };
  }
}

/** Why a front matter edit could not be written. */
export class FrontMatterEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontMatterEditError';
  }
}

/**
 * Answers the block's new text holding `next`, changing only the text of the keys whose values
 * changed (new keys go after their siblings, removed keys lose their lines); comments, order,
 * quoting, layout, line breaks and untouched bytes stay. The result always reads back as `next`;
 * when that cannot be done in place, YAML falls back to the yaml Document API and other formats
 * throw FrontMatterEditError (nothing is ever written wrong).
 */
export function writeFrontMatter(raw: string, format: FrontMatterFormat, next: FmMap): string {
  return writeLocated(raw, format, locate(raw, format), next);
}

/** The outcome of `editFrontMatter`: the block's new text (the same text when nothing changed), or why it cannot be read. */
export type FrontMatterEdit = { ok: true; raw: string } | { ok: false; error: string; line: number | null };

/**
 * Reads a block, lets `change` answer its next data, and writes that as `writeFrontMatter` does,
 * parsing the block once for both (a bulk edit of many posts pays one parse less per post).
 * `change` may throw FrontMatterEditError, which passes through, as does the writer's.
 */
export function editFrontMatter(
  raw: string,
  format: FrontMatterFormat,
  change: (data: FmMap) => FmMap,
): FrontMatterEdit {
  let located: Located;
  try {
    located = locate(raw, format);
  } catch (error) {
    const line = (error as Error & { line?: number | null }).line ?? null;
    return { ok: false, error: (error as Error).message, line };
  }
  const next = change(located.data);
  if (next === located.data) return { ok: true, raw };
  return { ok: true, raw: writeLocated(raw, format, located, next) };
}

function writeLocated(raw: string, format: FrontMatterFormat, located: Located, next: FmMap): string {
  if (sameValue(located.data, next)) return raw;
  let target = next;
  let reason = '';
  try {
    if (located.yaml) target = prepareYamlEdit(located.yaml, next);
    const text = applySplices(raw, patchNode(raw, located.root, target, located.writer));
    if (readsAs(text, format, target)) return text;
    reason = 'the in-place edit did not read back as intended';
  } catch (error) {
    if (error instanceof EditRefused) throw new FrontMatterEditError(error.message);
    if (!(error instanceof CannotEditInPlace)) throw error;
    reason = error.message;
  }
  if (located.yaml) {
    const refusal = yamlFallbackRefusal(located.yaml);
    if (refusal === null) {
      const text = yamlDocumentFallback(raw, target);
      if (readsAs(text, format, target) && keepsComments(raw, text)) return text;
      if (readsAs(text, format, target)) reason = 'rewriting the block would drop a comment';
    } else reason = `${reason} (${refusal})`;
  }
  throw new FrontMatterEditError(
    `This change cannot be written safely in ${format.toUpperCase()}: ${reason}`,
  );
}

/** True when every comment of `before` is still in `after`, in the same order. */
function keepsComments(before: string, after: string): boolean {
  const kept = yamlComments(after);
  let cursor = 0;
  for (const comment of yamlComments(before)) {
    while (cursor < kept.length && kept[cursor] !== comment) cursor++;
    if (cursor === kept.length) return false;
    cursor++;
  }
  return true;
}

function readsAs(text: string, format: FrontMatterFormat, next: FmMap): boolean {
  const read = readFrontMatter(text, format);
  return read.ok && sameValue(read.data, next);
}

export { getIn, setIn };

/** A copy of data without the key or item at `path`. */
export function removeIn<T extends FmValue>(data: T, path: readonly (string | number)[]): T {
  if (path.length === 0) return data;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(data)) {
    if (rest.length === 0) return data.filter((_, index) => index !== Number(head)) as T;
    const copy = [...data];
    copy[Number(head)] = removeIn(copy[Number(head)] as FmValue, rest);
    return copy as T;
  }
  if (!isFmMap(data)) return data;
  const map: FmMap = data;
  const key = String(head);
  if (rest.length === 0) {
    const copy: FmMap = { ...map };
    delete copy[key];
    return copy as T;
  }
  return { ...map, [key]: removeIn(map[key] as FmValue, rest) } as T;
}

/** Where the value at `path` lies in the block's text (its own characters), or null when absent or unreadable. */
export function locateValue(
  raw: string,
  format: FrontMatterFormat,
  path: readonly (string | number)[],
): { start: number; end: number } | null {
  let node: LocNode;
  try {
    node = locate(raw, format).root;
  } catch {
    return null;
  }
  for (const part of path) {
    if (node.kind === 'scalar') return null;
    const entry: LocEntry | undefined = node.entries.find((candidate) => candidate.key === String(part));
    if (!entry) return null;
    node = entry.node;
  }
  return { start: node.start, end: node.end };
}

/** Something the form says about a value: it is tagged (read-only), anchored, or an alias. */
export interface FrontMatterNote {
  path: string[];
  kind: 'tag' | 'anchor' | 'alias';
  /** For a tag: the tag as written (`!!binary`, `!foo`); for an anchor or alias: its name. */
  name: string;
  /** For a tag: the value's source text; else the sentence the form shows. */
  text: string;
}

function quotePath(path: readonly string[]): string {
  return `"${path.join('.')}"`;
}

/** The notes on a block's values (YAML tags, anchors and aliases); none for other formats or unreadable text. */
export function frontMatterNotes(raw: string, format: FrontMatterFormat): FrontMatterNote[] {
  // Only a block with an anchor, alias or tag indicator can have notes: skip the parse otherwise.
  if (format !== 'yaml' || !/[&*!]/.test(raw)) return [];
  let parsed: YamlParsed;
  try {
    parsed = parseYamlBlock(raw);
  } catch {
    return [];
  }
  const notes: FrontMatterNote[] = parsed.tagged.map((tagged) => ({
    path: tagged.path,
    kind: 'tag',
    name: tagged.tag,
    text: tagged.text,
  }));
  for (const group of parsed.anchors) {
    if (group.aliases.length === 0) continue;
    notes.push({
      path: group.path,
      kind: 'anchor',
      name: group.anchor,
      text: `Shares its value with ${group.aliases.map(quotePath).join(', ')} (anchor &${group.anchor}): a change here changes them too.`,
    });
    for (const alias of group.aliases) {
      notes.push({
        path: alias,
        kind: 'alias',
        name: group.anchor,
        text: `Shows the value of ${quotePath(group.path)} (alias *${group.anchor}): change it there to change both, or here to give this key its own value.`,
      });
    }
  }
  return notes;
}
