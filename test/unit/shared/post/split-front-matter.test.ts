import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../shared/post/split-front-matter';

function parts(text: string) {
  const split = splitFrontMatter(text);
  return {
    format: split.format,
    raw: text.slice(split.rawStart, split.rawEnd),
    body: text.slice(split.bodyStart),
    error: split.error,
  };
}

describe('splitFrontMatter', () => {
  it('finds YAML between --- fences and keeps the body whole', () => {
    expect(parts('---\ntitle: "a: b"\n---\n<p>x</p>\n')).toEqual({
      format: 'yaml',
      raw: 'title: "a: b"\n',
      body: '<p>x</p>\n',
      error: null,
    });
  });

  it('handles CRLF, a BOM and a body that itself holds ---', () => {
    const text = '\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n---\r\nmore\r\n';
    expect(parts(text)).toEqual({
      format: 'yaml',
      raw: 'title: x\r\n',
      body: 'body\r\n---\r\nmore\r\n',
      error: null,
    });
  });

  it('finds TOML between +++ fences', () => {
    expect(parts('+++\ntitle = "t"\n+++\nbody')).toMatchObject({
      format: 'toml',
      raw: 'title = "t"\n',
      body: 'body',
    });
  });

  it('finds a JSON object, braces inside strings included', () => {
    expect(parts('{\n  "title": "a } b {"\n}\nbody\n')).toMatchObject({
      format: 'json',
      raw: '{\n  "title": "a } b {"\n}',
      body: 'body\n',
    });
  });

  it('reports an unterminated block and treats the whole text as body', () => {
    const result = parts('---\ntitle: x\nno end');
    expect(result.error).toMatch(/never closed/);
    expect(result.body).toBe('---\ntitle: x\nno end');
  });

  it('answers no front matter for a plain body or an empty file', () => {
    expect(parts('# Hello\n')).toMatchObject({ format: null, body: '# Hello\n' });
    expect(parts('')).toMatchObject({ format: null, body: '' });
  });

  it('closes a front matter block at the end of the file without a final newline', () => {
    expect(parts('---\na: 1\n---')).toMatchObject({ format: 'yaml', raw: 'a: 1\n', body: '' });
  });
});
