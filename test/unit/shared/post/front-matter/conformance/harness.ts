import type { FrontMatterFormat } from '../../../../../../shared/api';
import {
  FrontMatterEditError,
  locateValue,
  readFrontMatter,
  setIn,
  writeFrontMatter,
} from '../../../../../../shared/post/front-matter/front-matter-edit';
import {
  isFmMap,
  isFmScalar,
  lineEndAfter,
  lineStart,
  sameValue,
  type FmMap,
  type FmValue,
} from '../../../../../../shared/post/front-matter/located-tree';
import { splitFrontMatter } from '../../../../../../shared/post/split-front-matter';

/** One conformance case: a name and the text that goes between the front matter fences. */
export interface ConformanceCase {
  id: string;
  text: string;
}

/** What happened to one case; `problem` is set when a promise was broken (the test fails on it). */
export interface CaseOutcome {
  id: string;
  opened: boolean;
  /** The construct named by a refusal to open (or edit). */
  refusedAs: string | null;
  byteIdentical: boolean;
  edit: 'edited' | 'refused' | 'no scalar' | null;
  editRefusedAs: string | null;
  problem: string | null;
}

/** The constructs a refusal may name, tried in order; a refusal naming none of them is a problem. */
const constructs: [string, RegExp][] = [
  ['not a map', /is not a map of keys and values/],
  ['tag', /tag (!|tag:)/],
  ['anchor', /anchor &/],
  ['complex key', /a key that is (a list or map|an alias)/],
  ['alias', /alias \*/],
  ['duplicate key', /appears twice|duplicate|redefine/i],
  ['several documents', /more than one YAML document/],
  ['directive', /YAML directive/],
  ['null in TOML', /TOML has no null value/],
  ['large integer', /integer is too large/],
  ['array of tables', /array of tables/],
  ['TOML table', /TOML table/],
  ['YAML syntax', /(implicit keys|indent|flow|block|sequence|mapping|scalar|comment|tab|quote|colon|line)/i],
  ['TOML syntax', /(expected|invalid|unexpected|unterminated|key)/i],
];

function constructOf(message: string): string | null {
  for (const [name, pattern] of constructs) if (pattern.test(message)) return name;
  return null;
}

const fences: Record<'yaml' | 'toml', [string, string]> = { yaml: ['---', '---'], toml: ['+++', '+++'] };

/** The first scalar leaf of data (depth first), as a path. */
function firstScalar(value: FmValue, path: (string | number)[] = []): (string | number)[] | null {
  if (isFmScalar(value)) return path.length > 0 ? path : null;
  const entries: [string | number, FmValue][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    const found = firstScalar(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Leaf paths where a and b differ. */
function differences(a: FmValue | undefined, b: FmValue | undefined, path: string[] = []): string[][] {
  if (sameValue(a, b)) return [];
  if (isFmMap(a) && isFmMap(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => differences(a[key], b[key], [...path, key]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, index) => differences(item, b[index], [...path, String(index)]));
  }
  return [path];
}

function at(value: FmValue | undefined, path: string[]): FmValue | undefined {
  let cursor = value;
  for (const part of path) {
    if (Array.isArray(cursor)) cursor = cursor[Number(part)];
    else if (isFmMap(cursor)) cursor = cursor[part];
    else return undefined;
  }
  return cursor;
}

/**
 * Runs one case wrapped as a front matter block with a body: it opens (or is refused by name),
 * writes back byte-identical with no edit, and takes a one-scalar edit changing only that value's
 * lines (aliases of it may follow) or refuses the edit by name.
 */
export function runCase(format: 'yaml' | 'toml', sample: ConformanceCase): CaseOutcome {
  const outcome: CaseOutcome = {
    id: sample.id,
    opened: false,
    refusedAs: null,
    byteIdentical: false,
    edit: null,
    editRefusedAs: null,
    problem: null,
  };
  const [open, close] = fences[format];
  const body = `${open}\n${sample.text}${sample.text.endsWith('\n') || sample.text === '' ? '' : '\n'}${close}\nThe body.\n`;
  const split = splitFrontMatter(body);
  if (split.format !== format || split.error !== null) {
    outcome.problem = `the block did not split as ${format}: ${split.error ?? split.format}`;
    return outcome;
  }
  const raw = body.slice(split.rawStart, split.rawEnd);
  const read = readFrontMatter(raw, format as FrontMatterFormat);
  if (!read.ok) {
    outcome.refusedAs = constructOf(read.error);
    if (!outcome.refusedAs || /^Unresolved alias/.test(read.error)) {
      outcome.problem = `refused to open without naming the construct: ${read.error}`;
    }
    return outcome;
  }
  outcome.opened = true;
  const again = writeFrontMatter(raw, format, read.data);
  const whole = body.slice(0, split.rawStart) + again + body.slice(split.rawEnd);
  outcome.byteIdentical = whole === body;
  if (!outcome.byteIdentical) outcome.problem = 'writing with no edit changed the bytes';
  const path = firstScalar(read.data);
  if (!path) {
    outcome.edit = 'no scalar';
    return outcome;
  }
  const value = 'edited value';
  const expected = setIn(read.data, path, value) as FmMap;
  let out: string;
  try {
    out = writeFrontMatter(raw, format, expected);
  } catch (error) {
    outcome.edit = 'refused';
    const message = (error as Error).message;
    outcome.editRefusedAs = error instanceof FrontMatterEditError ? (constructOf(message) ?? 'other') : null;
    if (!(error instanceof FrontMatterEditError)) outcome.problem = `the edit threw ${message}`;
    else if (!message.trim()) outcome.problem = 'the edit was refused without a message';
    return outcome;
  }
  outcome.edit = 'edited';
  const back = readFrontMatter(out, format);
  if (!back.ok) {
    outcome.problem = `the edited block does not read: ${back.error}`;
    return outcome;
  }
  const old = at(read.data, path.map(String));
  const stray = differences(expected, back.data).filter(
    (where) => !(sameValue(at(read.data, where), old) && sameValue(at(back.data, where), value)),
  );
  if (stray.length > 0) {
    outcome.problem = `the edit changed other values: ${stray.map((where) => where.join('.')).join(', ')}`;
    return outcome;
  }
  const range = locateValue(raw, format, path);
  let prefix = 0;
  while (prefix < raw.length && prefix < out.length && raw[prefix] === out[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < raw.length - prefix &&
    suffix < out.length - prefix &&
    raw[raw.length - 1 - suffix] === out[out.length - 1 - suffix]
  ) {
    suffix++;
  }
  const changedEnd = raw.length - suffix;
  if (range) {
    const from = lineStart(raw, range.start);
    const to = lineEndAfter(raw, Math.max(range.end, range.start));
    if (prefix < from || changedEnd > to) {
      outcome.problem = `the edit changed bytes outside the value's lines (${prefix}-${changedEnd} vs ${from}-${to})`;
    }
  }
  return outcome;
}

/** Counts per class, as printed by the conformance test. */
export function summarize(outcomes: CaseOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {
    cases: outcomes.length,
    opened: 0,
    'byte-identical': 0,
    edited: 0,
    'edit refused': 0,
    'no scalar': 0,
  };
  for (const outcome of outcomes) {
    if (outcome.opened) counts.opened!++;
    if (outcome.refusedAs)
      counts[`refused: ${outcome.refusedAs}`] = (counts[`refused: ${outcome.refusedAs}`] ?? 0) + 1;
    if (outcome.byteIdentical) counts['byte-identical']!++;
    if (outcome.edit === 'edited') counts.edited!++;
    if (outcome.edit === 'no scalar') counts['no scalar']!++;
    if (outcome.edit === 'refused') {
      counts['edit refused']!++;
      const key = `edit refused: ${outcome.editRefusedAs ?? 'unnamed'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

/** The share of cases refused (to open or to edit), 0..1. */
export function refusalRate(outcomes: CaseOutcome[]): number {
  if (outcomes.length === 0) return 0;
  const refused = outcomes.filter((outcome) => !outcome.opened || outcome.edit === 'refused').length;
  return refused / outcomes.length;
}
