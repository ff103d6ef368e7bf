import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FrontMatterFormat } from '../../../../../shared/api';
import {
  readFrontMatter,
  removeIn,
  setIn,
  writeFrontMatter,
} from '../../../../../shared/post/front-matter/front-matter-edit';
import { isFmMap, type FmMap, type FmValue } from '../../../../../shared/post/front-matter/located-tree';
import { splitFrontMatter } from '../../../../../shared/post/split-front-matter';
import {
  anyEdit,
  body,
  jsonBlock,
  newScalar,
  tomlBlock,
  yamlBlock,
  type GenBlock,
  type GenEdit,
} from '../../../../support/post-generators';

// At least 1,000 runs per property; FC_SEED=<n> replays a failure (the seed is printed on failure).
const numRuns = Number(process.env.FC_RUNS ?? 1000);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);

function check<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    { numRuns, seed },
  );
  if (details.failed) {
    throw new Error(
      `${name} failed after ${details.numRuns} runs (seed ${seed}, path "${details.counterexamplePath}"; replay with FC_SEED=${seed}).\n` +
        `Counterexample: ${fc.stringify(details.counterexample)}\n${String(details.errorInstance)}`,
    );
  }
  expect(details.numRuns).toBeGreaterThanOrEqual(Math.min(numRuns, 1000));
}

const fences: Record<FrontMatterFormat, [string, string]> = {
  yaml: ['---', '---'],
  toml: ['+++', '+++'],
  json: ['', ''],
};

function file(block: GenBlock, format: FrontMatterFormat, text: string, bom: boolean): string {
  const [open, close] = fences[format];
  const head =
    format === 'json' ? `${block.raw}${block.eol}` : `${open}${block.eol}${block.raw}${close}${block.eol}`;
  return (bom ? '\uFEFF' : '') + head + text;
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** Applies one scalar edit and checks: reads back as the edit; only the key's lines changed; CRLF kept; no folding. */
function editOneScalar(format: FrontMatterFormat, block: GenBlock, pick: number, value: FmValue): void {
  const target = block.scalars[pick % block.scalars.length]!;
  const expected = setIn(block.data, target.path, value);
  const out = writeFrontMatter(block.raw, format, expected);
  const read = readFrontMatter(out, format);
  expect(read.ok && read.data).toEqual(expected);
  const before = lines(block.raw);
  const after = lines(out);
  expect(after.slice(0, target.first)).toEqual(before.slice(0, target.first));
  const tail = before.length - target.last - 1;
  expect(after.slice(after.length - tail)).toEqual(before.slice(before.length - tail));
  if (block.eol === '\r\n') expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  if (typeof value === 'string' && !value.includes('\n') && format !== 'json') {
    expect(after.length - tail - target.first).toBe(1);
  }
}

function applyEdit(data: FmMap, edit: GenEdit): FmMap {
  const keys = Object.keys(data);
  const key = keys.length > 0 ? keys[('pick' in edit ? edit.pick : 0) % keys.length]! : 'title';
  switch (edit.op) {
    case 'set':
      return setIn(data, [key], edit.value);
    case 'add':
      return setIn(data, [edit.key], edit.value);
    case 'remove':
      return removeIn(data, [key]);
    default: {
      const maps = keys.filter((candidate) => isFmMap(data[candidate]));
      const map = maps[edit.pick % Math.max(maps.length, 1)];
      return map ? setIn(data, [map, edit.key], edit.value) : setIn(data, [edit.key], edit.value);
    }
  }
}

/** Comment lines at the start of a line, which an in-place edit must keep. */
function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /^#/.test(line));
}

const formats: [FrontMatterFormat, fc.Arbitrary<GenBlock>][] = [
  ['yaml', yamlBlock],
  ['toml', tomlBlock],
  ['json', jsonBlock],
];

describe.each(formats)('%s front matter properties', { timeout: 120_000 }, (format, blocks) => {
  test('no edit: the whole file comes back byte for byte (BOM, CRLF, bodies starting with ---)', () => {
    check(`${format}: round trip`, fc.tuple(blocks, body, fc.boolean()), ([block, text, bom]) => {
      const whole = file(block, format, text, bom);
      const split = splitFrontMatter(whole);
      expect(split.format).toBe(format);
      const raw = whole.slice(split.rawStart, split.rawEnd);
      const read = readFrontMatter(raw, format);
      expect(read).toEqual({ ok: true, data: block.data });
      if (!read.ok) throw new Error(read.error);
      const written = writeFrontMatter(raw, format, read.data);
      expect(whole.slice(0, split.rawStart) + written + whole.slice(split.rawEnd)).toBe(whole);
      expect(whole.slice(split.bodyStart)).toBe(text);
    });
  });

  test('editing one scalar changes only its lines and reads back as the edit', () => {
    const arbitrary = fc.tuple(
      blocks.filter((block) => block.scalars.length > 0),
      fc.nat(),
      format === 'toml'
        ? newScalar.filter((value) => value !== null)
        : format === 'json'
          ? newScalar
          : newScalar,
    );
    check(`${format}: edit one scalar`, arbitrary, ([block, pick, value]) =>
      editOneScalar(format, block, pick, value),
    );
  });

  test('any edit (set any value, add, remove, nested) reads back as the edit and keeps every comment line', () => {
    check(`${format}: any edit`, fc.tuple(blocks, anyEdit(format !== 'toml')), ([block, edit]) => {
      const expected = applyEdit(block.data, edit);
      let out: string;
      try {
        out = writeFrontMatter(block.raw, format, expected);
      } catch (error) {
        // TOML may refuse an edit it cannot make in place (e.g. a table replaced by a scalar); it must say so.
        if (format === 'toml' && (error as Error).name === 'FrontMatterEditError') return;
        throw error;
      }
      const read = readFrontMatter(out, format);
      expect(read.ok && read.data).toEqual(expected);
      const kept = commentLines(out);
      for (const line of commentLines(block.raw)) expect(kept).toContain(line);
    });
  });
});
