import { describe, expect, it } from 'vitest';
import {
  readFrontMatter,
  removeIn,
  setIn,
  writeFrontMatter,
} from '../../../../../shared/post/front-matter/front-matter-edit';
import type { FmMap, FmValue } from '../../../../../shared/post/front-matter/located-tree';

function data(raw: string): FmMap {
  const read = readFrontMatter(raw, 'toml');
  if (!read.ok) throw new Error(read.error);
  return read.data;
}

function write(raw: string, next: FmMap): string {
  const out = writeFrontMatter(raw, 'toml', next);
  expect(readFrontMatter(out, 'toml')).toEqual({ ok: true, data: next });
  return out;
}

const set = (raw: string, path: string[], value: FmValue): string =>
  write(raw, setIn(data(raw), path, value));
const remove = (raw: string, path: string[]): string => write(raw, removeIn(data(raw), path));

// Shaped like a Hugo docs page: a menu entry under an implied parent table, dotted keys, a params table.
const page = [
  'title = "Functions" # shown in the menu',
  'linkTitle = "Functions"',
  'build.list = "always"',
  'build.render = "link"',
  '',
  '[menu.main]',
  'parent = "docs"',
  'weight = 30 # after guides',
  '',
  '[params]',
  'hide = true',
  '',
].join('\n');

describe('TOML tables under an implied parent and dotted keys (Hugo [menu.main])', () => {
  it('changes a key under [menu.main] in place', () => {
    expect(set(page, ['menu', 'main', 'weight'], 40)).toBe(page.replace('weight = 30', 'weight = 40'));
    expect(set(page, ['menu', 'main', 'parent'], 'guides')).toBe(page.replace('"docs"', '"guides"'));
  });

  it('adds and removes keys of [menu.main] with their own lines', () => {
    expect(set(page, ['menu', 'main', 'name'], 'Fns')).toBe(
      page.replace('weight = 30 # after guides\n', 'weight = 30 # after guides\nname = "Fns"\n'),
    );
    expect(remove(page, ['menu', 'main', 'parent'])).toBe(page.replace('parent = "docs"\n', ''));
  });

  it('adds a menu under the implied [menu] table as a dotted key in the root', () => {
    expect(set(page, ['menu', 'footer'], { weight: 1 })).toBe(
      page.replace('build.render = "link"\n', 'build.render = "link"\nmenu.footer = { weight = 1 }\n'),
    );
  });

  it('changes, adds and removes dotted keys in place', () => {
    expect(set(page, ['build', 'list'], 'never')).toBe(page.replace('"always"', '"never"'));
    expect(set(page, ['build', 'publishResources'], false)).toBe(
      page.replace('build.render = "link"\n', 'build.render = "link"\nbuild.publishResources = false\n'),
    );
    expect(remove(page, ['build', 'render'])).toBe(page.replace('build.render = "link"\n', ''));
    expect(remove(page, ['build'])).toBe(page.replace('build.list = "always"\nbuild.render = "link"\n', ''));
  });

  it('removes [menu.main] whole, and replaces a dotted table by a value', () => {
    const out = write(page, { ...removeIn(data(page), ['menu']) });
    expect(out).toBe(page.replace('[menu.main]\nparent = "docs"\nweight = 30 # after guides\n', ''));
    expect(set(page, ['build'], 'none')).toBe(
      page.replace('build.list = "always"\nbuild.render = "link"\n', 'build = "none"\n'),
    );
  });
});

describe('removing the last keys', () => {
  it('the only key of a TOML block leaves an empty block', () => {
    expect(write('title = "Only" # t\n', {})).toBe('');
    expect(write('# c\ntitle = "Only"\n', {})).toBe('# c\n');
  });

  it('the last key of a table keeps its header, never writes `extra = {}`', () => {
    const raw = 'title = "T"\n\n[extra]\ntoc = true\n';
    const out = remove(raw, ['extra', 'toc']);
    expect(out).toBe('title = "T"\n\n[extra]\n');
    expect(out).not.toContain('extra = {}');
  });

  it('the last dotted key of a table leaves it as an empty table where it was', () => {
    const raw = 'title = "T"\nbuild.list = "always"\n[params]\nx = 1\n';
    expect(remove(raw, ['build', 'list'])).toBe('title = "T"\nbuild = {}\n[params]\nx = 1\n');
  });

  it('every key of [menu.main] removed keeps [menu.main] as an empty table', () => {
    expect(write(page, setIn(data(page), ['menu', 'main'], {}))).toBe(
      page.replace('parent = "docs"\nweight = 30 # after guides\n', ''),
    );
  });
});
