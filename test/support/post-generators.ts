/**
 * fast-check generators of front matter text together with the data it holds and the lines each
 * key occupies, so properties can check round trips and the reach of an edit independently of the
 * implementation. Covers the known traps: colons, #, quotes, leading spaces, unicode, YAML 1.1
 * words, dates as strings and as values, nested maps, lists, comments (also after block scalars,
 * eemeli/yaml#687), trailing comments, long strings, CRLF, BOM and bodies that begin with ---.
 */
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { FmMap, FmValue } from '../../shared/post/front-matter/located-tree';

/** One generated key: its path, its value and its rendered lines (without line breaks). */
export interface GenEntry {
  path: string[];
  value: FmValue;
  lines: string[];
  /** True when the value is a scalar a property may replace. */
  scalar: boolean;
}

/** A generated front matter block: its text, its data and the located entries. */
export interface GenBlock {
  raw: string;
  data: FmMap;
  /** Editable scalars with the 0-based line range [first, last] they occupy in raw. */
  scalars: { path: string[]; first: number; last: number }[];
  eol: string;
}

const trickyWords = [
  'yes',
  'no',
  'Yes',
  'NO',
  'on',
  'off',
  'y',
  'n',
  'null',
  'Null',
  '~',
  'true',
  'False',
  '1e3',
  '0x1F',
  '0o17',
  '+12',
  '.5',
  '2018-05-19',
  '2018-05-19T10:00:00Z',
  '2018-05-19 10:00:00',
  '12:30',
  '-',
  '---',
  '...',
  '#',
  '# not a comment',
  'a: b',
  'a:b',
  'a #b',
  'a# b',
  '"quoted"',
  "'single'",
  "it's",
  ' leading',
  'trailing ',
  '  two leading',
  '[x, y]',
  '{a: 1}',
  '&anchor',
  '*alias',
  '!tag',
  '%',
  '@at',
  '`tick`',
  '|',
  '>',
  '? q',
  'é accentué',
  '中文标题',
  'emoji 🎉 here',
  'tab\tinside',
  'back\\slash',
  'a, b',
  'C:\\path',
  'ünïcödé: colon',
];

const charPool = [
  ...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789',
  ' ',
  ' ',
  ':',
  '#',
  '"',
  "'",
  '-',
  ',',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '/',
  '!',
  '&',
  '*',
  '?',
  '|',
  '>',
  '%',
  '@',
  '`',
  'é',
  'ß',
  'ü',
  '中',
  '文',
  '😀',
  '🎉',
  '\u00a0',
  '.',
];

/** Strings full of YAML/TOML/JSON pitfalls (single line). */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...trickyWords),
  fc.array(fc.constantFrom(...charPool), { minLength: 0, maxLength: 24 }).map((chars) => chars.join('')),
  fc
    .array(fc.constantFrom('lorem', 'ipsum', 'dolor', 'sit', 'amet,', 'consectetur:', 'adipiscing', 'élit'), {
      minLength: 20,
      maxLength: 40,
    })
    .map((words) => words.join(' ')),
);

/** Multi-line text suitable for a YAML literal block (no leading or trailing spaces on lines). */
export const multiLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.array(fc.constantFrom('word', 'line', 'a:b', '#hash', 'ünï', '- dash', 'x'), {
        minLength: 1,
        maxLength: 5,
      }),
      { minLength: 2, maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([lines, finalBreak]) => lines.map((words) => words.join(' ')).join('\n') + (finalBreak ? '\n' : ''));

const shortKey = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''));

const keyArb = fc.oneof(
  fc.constantFrom(
    'title',
    'date',
    'lastmod',
    'draft',
    'tags',
    'author',
    'description',
    'weight',
    'slug',
    'params',
  ),
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
      fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_'), { maxLength: 8 }),
    )
    .map(([head, tail]) => head + tail.join(''))
    .filter((key) => key !== 'null'),
);

/** A new scalar value to write over an old one. */
export const newScalar: fc.Arbitrary<FmValue> = fc.oneof(
  trickyString,
  multiLine,
  fc.integer({ min: -100000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2024-05-19', '2024-05-19T10:20:30Z', '2024-05-19T10:20:30+02:00'),
);

const plainCache = new Map<string, boolean>();

function plainOk(value: string, flow: boolean): boolean {
  const cacheKey = `${flow ? 'f' : 'b'}${value}`;
  const cached = plainCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const answer = plainCheck(value, flow);
  plainCache.set(cacheKey, answer);
  return answer;
}

function plainCheck(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  if (value.includes(' #') || value.includes(': ') || value.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  try {
    return parseYaml(`k: ${value}`, { schema: 'core', logLevel: 'error' })?.k === value;
  } catch {
    return false;
  }
}

type YamlStyle = 'plain' | 'double' | 'single';

function yamlScalar(value: FmValue, style: YamlStyle, flow: boolean): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (style === 'plain' && plainOk(value, flow)) return value;
  if (style === 'single' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

const yamlStyle = fc.constantFrom<YamlStyle>('plain', 'double', 'single');
const comment = fc.constantFrom(
  '# a comment',
  '#tight',
  '# key: value inside a comment',
  '# ---',
  '# ünï 🎉',
);

interface Rendered {
  value: FmValue;
  lines: string[];
  scalar: boolean;
  /** For nested maps: editable children (relative line indexes). */
  children?: { key: string; line: number }[];
}

function yamlValue(key: string): fc.Arbitrary<Rendered> {
  const scalarValue = fc.oneof(
    fc
      .tuple(trickyString, yamlStyle)
      .map(([value, style]) => ({ value, text: yamlScalar(value, style, false) })),
    fc.integer({ min: -1000, max: 100000 }).map((value) => ({ value, text: String(value) })),
    fc.constantFrom(
      { value: 1000, text: '1e3' },
      { value: 1.5, text: '1.5' },
      { value: true, text: 'true' },
      { value: false, text: 'false' },
      { value: null, text: 'null' },
      { value: null, text: '~' },
      { value: '2018-05-19', text: '2018-05-19' },
      { value: '2018-05-19', text: '"2018-05-19"' },
      { value: '2018-05-19T10:00:00+02:00', text: '2018-05-19T10:00:00+02:00' },
      { value: 'yes', text: 'yes' },
      { value: 'no', text: '"no"' },
    ),
  );
  const trailing = fc.option(fc.constantFrom(' # trailing comment', '   #spaced'), { nil: '' });
  return fc.oneof(
    fc.tuple(scalarValue, trailing).map(([{ value, text }, tail]) => ({
      value,
      lines: [`${key}: ${text}${tail}`],
      scalar: true,
    })),
    multiLine.map((value) => {
      const chomp = value.endsWith('\n') ? '' : '-';
      const body = value
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => `  ${line}`);
      return {
        value,
        lines: [`${key}: |${chomp}`, ...body, '# comment after a block scalar (eemeli/yaml#687)'],
        scalar: true,
      };
    }),
    fc
      .tuple(fc.array(fc.tuple(trickyString, yamlStyle), { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([items, flow]) => ({
        value: items.map(([item]) => item),
        lines: flow
          ? [`${key}: [${items.map(([item, style]) => yamlScalar(item, style, true)).join(', ')}]`]
          : [`${key}:`, ...items.map(([item, style]) => `  - ${yamlScalar(item, style, false)}`)],
        scalar: false,
      })),
    fc
      .uniqueArray(fc.tuple(shortKey, trickyString, yamlStyle), {
        minLength: 1,
        maxLength: 3,
        selector: ([name]) => name,
      })
      .map((children) => ({
        value: Object.fromEntries(children.map(([name, value]) => [name, value])),
        lines: [
          `${key}:`,
          ...children.map(([name, value, style]) => `  ${name}: ${yamlScalar(value, style, false)}`),
        ],
        scalar: false,
        children: children.map(([name], index) => ({ key: name, line: index + 1 })),
      })),
    fc
      .array(fc.tuple(trickyString, fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 3 })
      .map((items) => ({
        value: items.map(([name, weight]) => ({ name, weight })),
        lines: [
          `${key}:`,
          ...items.flatMap(([name, weight]) => [
            `  - name: ${yamlScalar(name, 'double', false)}`,
            `    weight: ${weight}`,
          ]),
        ],
        scalar: false,
      })),
  );
}

function assemble(
  entries: { key: string; rendered: Rendered; before: string[] }[],
  tail: string[],
  crlf: boolean,
): GenBlock {
  const lines: string[] = [];
  const scalars: GenBlock['scalars'] = [];
  const data: FmMap = {};
  for (const { key, rendered, before } of entries) {
    lines.push(...before);
    const first = lines.length;
    data[key] = rendered.value;
    const valueLines = rendered.lines.filter((line) => !line.startsWith('# comment after a block'));
    if (rendered.scalar) scalars.push({ path: [key], first, last: first + valueLines.length - 1 });
    for (const child of rendered.children ?? []) {
      scalars.push({ path: [key, child.key], first: first + child.line, last: first + child.line });
    }
    lines.push(...rendered.lines);
  }
  lines.push(...tail);
  const eol = crlf ? '\r\n' : '\n';
  const raw = lines.length === 0 ? '' : lines.join(eol) + eol;
  return { raw, data, scalars, eol };
}

/** YAML front matter blocks (the text between the fences). */
export const yamlBlock: fc.Arbitrary<GenBlock> = fc
  .tuple(
    fc.uniqueArray(keyArb, { minLength: 1, maxLength: 7 }).chain((keys) =>
      fc.tuple(
        ...keys.map((key) =>
          fc.record({
            key: fc.constant(key),
            rendered: yamlValue(key),
            before: fc.array(fc.oneof(comment, fc.constant('')), { maxLength: 2 }),
          }),
        ),
      ),
    ),
    fc.array(comment, { maxLength: 1 }),
    fc.boolean(),
  )
  .map(([entries, tail, crlf]) => assemble(entries, tail, crlf));

function tomlString(value: string, literal: boolean): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
  if (literal && !/['\n\r\u0000-\u001f\u007f]/.test(value)) return `'${value}'`;
  return JSON.stringify(value);
}

function tomlValue(key: string): fc.Arbitrary<Rendered> {
  const scalar = fc.oneof(
    fc
      .tuple(trickyString, fc.boolean())
      .map(([value, literal]) => ({ value: value as FmValue, text: tomlString(value, literal) })),
    fc
      .integer({ min: -1000, max: 100000 })
      .map((value) => ({ value: value as FmValue, text: String(value) })),
    fc.constantFrom<{ value: FmValue; text: string }>(
      { value: 1.5, text: '1.5' },
      { value: 1000, text: '1e3' },
      { value: true, text: 'true' },
      { value: false, text: 'false' },
      { value: '2018-05-19', text: '2018-05-19' },
      { value: '2018-05-19', text: '"2018-05-19"' },
      { value: '2018-05-19T10:00:00Z', text: '2018-05-19T10:00:00Z' },
      { value: '2018-05-19T10:00:00+02:00', text: '2018-05-19T10:00:00+02:00' },
      { value: 'yes', text: '"yes"' },
    ),
  );
  const trailing = fc.option(fc.constantFrom(' # trailing comment', ' #x'), { nil: '' });
  return fc.oneof(
    fc
      .tuple(scalar, trailing)
      .map(([{ value, text }, tail]) => ({ value, lines: [`${key} = ${text}${tail}`], scalar: true })),
    fc.tuple(fc.array(trickyString, { minLength: 0, maxLength: 4 }), fc.boolean()).map(([items, multi]) => ({
      value: items,
      lines:
        multi && items.length > 0
          ? [`${key} = [`, ...items.map((item) => `  ${JSON.stringify(item)}, # item`), ']']
          : [`${key} = [${items.map((item) => JSON.stringify(item)).join(', ')}]`],
      scalar: false,
    })),
  );
}

function tomlKey(key: string): string {
  return key;
}

/** TOML front matter blocks, with an optional [params] table and [[links]] array of tables. */
export const tomlBlock: fc.Arbitrary<GenBlock> = fc
  .tuple(
    fc
      .uniqueArray(
        keyArb.filter((key) => key !== 'params' && key !== 'links'),
        { minLength: 1, maxLength: 6 },
      )
      .chain((keys) =>
        fc.tuple(
          ...keys.map((key) =>
            fc.record({
              key: fc.constant(tomlKey(key)),
              rendered: tomlValue(key),
              before: fc.array(fc.oneof(comment, fc.constant('')), { maxLength: 2 }),
            }),
          ),
        ),
      ),
    fc.option(
      fc.uniqueArray(fc.tuple(shortKey, trickyString), {
        minLength: 1,
        maxLength: 3,
        selector: ([name]) => name,
      }),
    ),
    fc.option(
      fc.array(fc.tuple(trickyString, fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 2 }),
    ),
    fc.boolean(),
  )
  .map(([entries, params, links, crlf]) => {
    const block = assemble(entries, [], crlf);
    const lines = block.raw === '' ? [] : block.raw.split(block.eol).slice(0, -1);
    if (params) {
      lines.push('', '[params] # a table');
      block.data.params = {};
      for (const [name, value] of params) {
        block.scalars.push({ path: ['params', name], first: lines.length, last: lines.length });
        lines.push(`${name} = ${JSON.stringify(value)}`);
        (block.data.params as FmMap)[name] = value;
      }
    }
    if (links) {
      block.data.links = links.map(([name, weight]) => ({ name, weight }));
      for (const [name, weight] of links)
        lines.push('', '[[links]]', `name = ${JSON.stringify(name)}`, `weight = ${weight}`);
    }
    return { ...block, raw: lines.join(block.eol) + block.eol };
  });

const jsonScalar = fc.oneof(
  trickyString,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
);

/** JSON front matter blocks printed compact, with 2 or 4 spaces or tabs, LF or CRLF. */
export const jsonBlock: fc.Arbitrary<GenBlock> = fc
  .tuple(
    fc.uniqueArray(
      fc.tuple(
        fc.oneof(
          keyArb,
          trickyString.filter((key) => key !== '__proto__'),
        ),
        fc.oneof(
          jsonScalar.map((value) => ({ value, scalar: true })),
          fc.array(jsonScalar, { maxLength: 3 }).map((value) => ({ value, scalar: false })),
          fc.dictionary(shortKey, jsonScalar, { maxKeys: 3 }).map((value) => ({ value, scalar: false })),
        ),
      ),
      { minLength: 1, maxLength: 6, selector: ([key]) => key },
    ),
    fc.constantFrom<string | number>(0, 2, 4, '\t'),
    fc.boolean(),
  )
  .map(([pairs, indent, crlf]) => {
    const data: FmMap = {};
    for (const [key, { value }] of pairs) data[key] = value as FmValue;
    const eol = crlf && indent !== 0 ? '\r\n' : '\n';
    let raw = JSON.stringify(data, null, indent);
    if (eol === '\r\n') raw = raw.replace(/\n/g, '\r\n');
    const scalars: GenBlock['scalars'] = [];
    if (indent !== 0) {
      const lines = raw.split(eol);
      for (const [key, { scalar }] of pairs) {
        if (!scalar) continue;
        const prefix = `${typeof indent === 'number' ? ' '.repeat(indent) : indent}${JSON.stringify(key)}: `;
        const line = lines.findIndex((candidate) => candidate.startsWith(prefix));
        if (line >= 0) scalars.push({ path: [key], first: line, last: line });
      }
    }
    return { raw, data, scalars, eol };
  });

/** Post bodies, some beginning with --- (a thematic break that must not be taken for a fence). */
export const body = fc.oneof(
  fc.constantFrom(
    '',
    'Body text.\n',
    '---\nA body that starts with a rule.\n',
    '---\n---\n',
    '+++\nnot toml\n',
    '{ "not": "json" }\n',
  ),
  fc.string({ maxLength: 40 }),
);

/** Any front matter value (limited depth), full of tricky strings; `nulls` false for TOML. */
export function anyValue(nulls: boolean): fc.Arbitrary<FmValue> {
  const scalar: fc.Arbitrary<FmValue> = nulls ? newScalar : newScalar.filter((value) => value !== null);
  const { value } = fc.letrec<{ value: FmValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(shortKey, tie('value'), { maxKeys: 3 }),
    ),
  }));
  return value;
}

/** One edit of a block's data: set or add a key (any value), remove a key, or set a key inside a map. */
export type GenEdit =
  | { op: 'set'; pick: number; value: FmValue }
  | { op: 'add'; key: string; value: FmValue }
  | { op: 'remove'; pick: number }
  | { op: 'nested'; pick: number; key: string; value: FmValue };

/** Edits for a format (TOML cannot hold null). */
export function anyEdit(nulls: boolean): fc.Arbitrary<GenEdit> {
  return fc.oneof(
    fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: anyValue(nulls) }),
    fc.record({ op: fc.constant('add' as const), key: keyArb, value: anyValue(nulls) }),
    fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('nested' as const), pick: fc.nat(), key: shortKey, value: anyValue(nulls) }),
  );
}
