import { describe, expect, it } from 'vitest';
import type { FrontMatterFormat } from '../../../../../shared/api';
import {
  FrontMatterEditError,
  readFrontMatter,
  removeIn,
  setIn,
  writeFrontMatter,
} from '../../../../../shared/post/front-matter/front-matter-edit';
import type { FmMap, FmValue } from '../../../../../shared/post/front-matter/located-tree';

function edit(raw: string, format: FrontMatterFormat, change: (data: FmMap) => FmMap): string {
  const read = readFrontMatter(raw, format);
  if (!read.ok) throw new Error(read.error);
  const next = change(read.data);
  const out = writeFrontMatter(raw, format, next);
  expect(readFrontMatter(out, format)).toEqual({ ok: true, data: next });
  return out;
}

const set =
  (path: (string | number)[], value: FmValue) =>
  (data: FmMap): FmMap =>
    setIn(data, path, value);
const remove =
  (path: (string | number)[]) =>
  (data: FmMap): FmMap =>
    removeIn(data, path);

describe('YAML edits in place', () => {
  it('quotes a new flow list item the way its sibling strings are quoted', () => {
    const add = (raw: string) =>
      edit(raw, 'yaml', (data) => ({ ...data, tags: [...(data.tags as string[]), 'new one'] }));
    expect(add('tags: ["one", "two"] # kept\n')).toBe('tags: ["one", "two", "new one"] # kept\n');
    expect(add("tags: ['one']\n")).toBe("tags: ['one', 'new one']\n");
    expect(add('tags: [one, two]\n')).toBe('tags: [one, two, new one]\n');
    expect(add("tags: [one, 'Two', three]\n")).toBe("tags: [one, 'Two', three, new one]\n");
    expect(add('tags: []\n')).toBe('tags: [new one]\n');
  });

  const post = [
    '# kept by hand',
    'title: "Old title" # the headline',
    'date: 2018-05-19',
    'lastmod: "2018-05-19"',
    'tags:',
    '  - a',
    '  - b # second',
    'flow: [x, "y"]',
    'summary: |',
    '  line one',
    '  line two',
    '# a comment after a block scalar (eemeli/yaml#687)',
    'links:',
    '  - name: home',
    '    url: /',
    'params:',
    '  mood: calm',
    '',
  ].join('\n');

  it('keeps double quotes, trailing comments and unquoted dates', () => {
    expect(edit(post, 'yaml', set(['lastmod'], '2020-01-02'))).toBe(
      post.replace('lastmod: "2018-05-19"', 'lastmod: "2020-01-02"'),
    );
    expect(edit(post, 'yaml', set(['date'], '2021-03-04'))).toBe(
      post.replace('date: 2018-05-19', 'date: 2021-03-04'),
    );
    expect(edit(post, 'yaml', set(['title'], 'New: "quoted"'))).toBe(
      post.replace('title: "Old title" # the headline', 'title: "New: \\"quoted\\"" # the headline'),
    );
  });

  it('keeps the comment after a block scalar when the block scalar changes (eemeli/yaml#687)', () => {
    expect(edit(post, 'yaml', set(['summary'], 'only\nlines\n'))).toBe(
      post.replace('  line one\n  line two\n', '  only\n  lines\n'),
    );
    expect(edit(post, 'yaml', set(['summary'], 'one line'))).toBe(
      post.replace('summary: |\n  line one\n  line two\n', 'summary: one line\n'),
    );
  });

  it('never folds a long string', () => {
    const long = 'word '.repeat(60).trim();
    const out = edit(post, 'yaml', set(['title'], long));
    expect(out).toBe(post.replace('"Old title"', JSON.stringify(long)));
  });

  it('adds and removes list items in the list style it found', () => {
    expect(edit(post, 'yaml', set(['tags'], ['a', 'b', 'c']))).toBe(
      post.replace('  - b # second\n', '  - b # second\n  - c\n'),
    );
    expect(edit(post, 'yaml', set(['tags'], ['b']))).toBe(post.replace('  - a\n', ''));
    expect(edit(post, 'yaml', set(['flow'], ['x', 'y', 'z, w']))).toBe(
      post.replace('[x, "y"]', '[x, "y", "z, w"]'),
    );
  });

  it('edits nested maps and lists of maps key by key', () => {
    expect(edit(post, 'yaml', set(['params', 'mood'], 'bright'))).toBe(
      post.replace('mood: calm', 'mood: bright'),
    );
    expect(edit(post, 'yaml', set(['params', 'weight'], 3))).toBe(
      post.replace('  mood: calm\n', '  mood: calm\n  weight: 3\n'),
    );
    expect(edit(post, 'yaml', set(['links', 0, 'url'], '/home'))).toBe(post.replace('url: /', 'url: /home'));
    expect(edit(post, 'yaml', set(['links', 1], { name: 'about', url: '/about' }))).toBe(
      post.replace('    url: /\n', '    url: /\n  - name: about\n    url: /about\n'),
    );
    expect(edit(post, 'yaml', remove(['links', 0, 'name']))).toBe(
      post.replace('  - name: home\n    url: /', '  - url: /'),
    );
  });

  it('removes an item of a block list of maps with its lines only, keeping the others as written', () => {
    const raw =
      'links:\n  - name: "Docs"\n    url: "https://a.example"\n  - name: Blog\n    url: https://b.example\nseo: x\n';
    expect(edit(raw, 'yaml', remove(['links', 1]))).toBe(
      'links:\n  - name: "Docs"\n    url: "https://a.example"\nseo: x\n',
    );
    expect(edit(raw, 'yaml', remove(['links', 0]))).toBe(
      'links:\n  - name: Blog\n    url: https://b.example\nseo: x\n',
    );
  });

  it('adds a key at the end and removes a key with its lines only', () => {
    expect(edit(post, 'yaml', set(['draft'], true))).toBe(`${post}draft: true\n`);
    expect(edit(post, 'yaml', remove(['date']))).toBe(post.replace('date: 2018-05-19\n', ''));
    expect(edit(post, 'yaml', remove(['summary']))).toBe(
      post.replace('summary: |\n  line one\n  line two\n', ''),
    );
  });

  it('keeps CRLF, writes YAML 1.1 words and numbers-as-strings quoted', () => {
    const crlf = post.replace(/\n/g, '\r\n');
    const out = edit(crlf, 'yaml', set(['draft'], 'yes'));
    expect(out).toBe(`${crlf}draft: "yes"\r\n`);
    expect(edit(post, 'yaml', set(['date'], '1e3'))).toBe(post.replace('date: 2018-05-19', 'date: "1e3"'));
    expect(edit(post, 'yaml', set(['date'], null))).toBe(post.replace('date: 2018-05-19', 'date: null'));
  });

  it('fills an empty value and an empty block', () => {
    expect(edit('title:\n', 'yaml', set(['title'], 'T'))).toBe('title: T\n');
    expect(edit('', 'yaml', set(['title'], 'T'))).toBe('title: T\n');
    expect(edit('# only a comment', 'yaml', set(['title'], 'T'))).toBe('# only a comment\ntitle: T');
  });

  it('reports invalid YAML with its line', () => {
    expect(readFrontMatter('title: a\nbad: a: b\n', 'yaml')).toMatchObject({ ok: false, line: 2 });
    expect(readFrontMatter('a: 1\na: 2\n', 'yaml')).toMatchObject({ ok: false });
  });
});

describe('TOML edits in place', () => {
  const post = [
    '# TOML front matter',
    'title = "Old" # headline',
    "slug = 'literal'",
    'date = 2024-01-02T10:00:00+02:00',
    'day = 2024-01-02',
    'tags = ["a", "b"]',
    'list = [',
    '  "x", # first',
    '  "y",',
    ']',
    '',
    '[params]',
    'mood = "calm"',
    '',
    '[[links]]',
    'name = "home"',
    '',
  ].join('\n');

  it('splices scalars keeping quotes, literal strings and date literals', () => {
    expect(edit(post, 'toml', set(['title'], 'New "q"'))).toBe(post.replace('"Old"', '"New \\"q\\""'));
    expect(edit(post, 'toml', set(['slug'], 'other'))).toBe(post.replace("'literal'", "'other'"));
    expect(edit(post, 'toml', set(['date'], '2025-02-03T04:05:06+02:00'))).toBe(
      post.replace('2024-01-02T10:00:00+02:00', '2025-02-03T04:05:06+02:00'),
    );
    expect(edit(post, 'toml', set(['day'], 'not a date'))).toBe(
      post.replace('day = 2024-01-02', 'day = "not a date"'),
    );
    expect(readFrontMatter(post, 'toml')).toMatchObject({
      ok: true,
      data: { date: '2024-01-02T10:00:00+02:00', day: '2024-01-02' },
    });
  });

  it('edits arrays item by item, single-line and multi-line', () => {
    expect(edit(post, 'toml', set(['tags'], ['a', 'b', 'c']))).toBe(
      post.replace('["a", "b"]', '["a", "b", "c"]'),
    );
    expect(edit(post, 'toml', set(['tags'], ['b']))).toBe(post.replace('["a", "b"]', '["b"]'));
    expect(edit(post, 'toml', set(['list'], ['x', 'y', 'z']))).toBe(
      post.replace('  "y",\n', '  "y",\n  "z",\n'),
    );
  });

  it('adds keys to the root (before the first table) and to tables; appends tables to arrays of tables', () => {
    expect(edit(post, 'toml', set(['draft'], true))).toBe(
      post.replace(']\n\n[params]', ']\ndraft = true\n\n[params]'),
    );
    expect(edit(post, 'toml', set(['params', 'weight'], 2))).toBe(
      post.replace('mood = "calm"\n', 'mood = "calm"\nweight = 2\n'),
    );
    expect(edit(post, 'toml', set(['links', 1], { name: 'about' }))).toBe(
      `${post}[[links]]\nname = "about"\n`,
    );
    expect(edit(post, 'toml', remove(['params']))).toBe(post.replace('[params]\nmood = "calm"\n', ''));
  });

  it('refuses null, which TOML cannot hold, without touching the text', () => {
    expect(() =>
      writeFrontMatter(post, 'toml', {
        ...(readFrontMatter(post, 'toml') as { data: FmMap }).data,
        title: null,
      }),
    ).toThrow(FrontMatterEditError);
  });

  it('reports invalid TOML with its line', () => {
    expect(readFrontMatter('title = "a"\nbad = \n', 'toml')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('JSON edits in place', () => {
  const post = '{\n    "title": "Old",\n    "10": "numeric key",\n    "tags": ["a"],\n    "draft": false\n}';

  it('splices values and keeps indentation and key order (numeric-looking keys too)', () => {
    expect(edit(post, 'json', set(['title'], 'New'))).toBe(post.replace('"Old"', '"New"'));
    expect(edit(post, 'json', set(['tags'], ['a', 'b']))).toBe(post.replace('["a"]', '["a", "b"]'));
    expect(edit(post, 'json', set(['weight'], 1))).toBe(
      post.replace('"draft": false\n', '"draft": false,\n    "weight": 1\n'),
    );
    expect(edit(post, 'json', remove(['title']))).toBe(post.replace('    "title": "Old",\n', ''));
    expect(edit(post, 'json', remove(['draft']))).toBe(post.replace(',\n    "draft": false', ''));
  });

  it('writes new nested values with the detected indentation', () => {
    expect(edit(post, 'json', set(['params'], { mood: 'calm' }))).toBe(
      post.replace('"draft": false\n', '"draft": false,\n    "params": {\n        "mood": "calm"\n    }\n'),
    );
  });

  it('reports invalid JSON with its line', () => {
    expect(readFrontMatter('{\n  "a": 1,\n  "b": \n}', 'json')).toMatchObject({ ok: false, line: 4 });
    expect(readFrontMatter('{\n  "a": 1,\n  "b": x\n}', 'json')).toMatchObject({ ok: false, line: 3 });
  });
});
