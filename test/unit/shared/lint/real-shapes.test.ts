import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPostProblems, readSiteFacts } from '../../../../electron/library/post-problems';
import { detectSite } from '../../../../electron/library/site-detect';
import { checkBody, checkPost } from '../../../../shared/lint/check-post';
import { codeRanges } from '../../../../shared/lint/code-regions';
import type { Problem } from '../../../../shared/lint/problem';
import { checkMissingFiles, findSiteRefs } from '../../../../shared/lint/site-refs';
import { scanSteps } from '../../../../shared/lint/scan-text';
import { splitFrontMatter } from '../../../../shared/post/split-front-matter';

// Pages shaped like the Hugo docs' (content/en): template code in fences, spans, indented and
// list-nested blocks, code shortcodes and <pre>; written for these tests.
const real = (name: string): string =>
  readFileSync(path.resolve(__dirname, '..', '..', '..', 'fixtures', 'real', name), 'utf8');
const bodyOf = (text: string): string => text.slice(splitFrontMatter(text).bodyStart);
const applyAll = (text: string, problems: Problem[]): string => {
  const changes = problems.flatMap((problem) => problem.fix?.changes ?? []).sort((a, b) => b.from - a.from);
  let result = text;
  for (const change of changes)
    result = result.slice(0, change.from) + change.insert + result.slice(change.to);
  return result;
};

describe('checks on a Hugo docs page with template code', () => {
  const text = real('hugo-docs-code/content/functions/render.md');
  const body = bodyOf(text);

  it('finds no site file inside code: only the one real image outside it', () => {
    const refs = findSiteRefs(body, true, 'static', 'content/en/functions/partials/render.md');
    expect(refs.map((ref) => ref.url)).toEqual(['/images/real-missing.png']);
    const missing = checkMissingFiles(refs, new Set());
    expect(missing.map((problem) => body.slice(problem.from, problem.to))).toEqual([
      '/images/real-missing.png',
    ]);
  });

  it('reports nothing else on the page (no alt, template or mojibake noise from code)', () => {
    expect(checkBody(body, 'markdown')).toEqual([]);
    expect(checkPost(text, 'markdown')).toEqual([]);
  });

  it('marks each kind of code: fences (with info attributes, in lists), spans, indented, code-toggle, <pre>', () => {
    const ranges = codeRanges(body, true);
    const coded = (needle: string): boolean => {
      const at = body.indexOf(needle);
      return ranges.some((range) => range.from <= at && at + needle.length <= range.to);
    };
    for (const inside of [
      '/images/in-a-fence.png',
      'images/source.jpg',
      '/images/in-a-span.png',
      '/files/in-a-span.pdf',
      '/images/commented.jpg',
      '/downloads/in-indented-code.zip',
      '/images/in-code-toggle.png',
      '/images/in-pre-tag.png',
    ]) {
      expect(coded(inside), inside).toBe(true);
    }
    expect(coded('/images/real-missing.png')).toBe(false);
    expect(coded('Three small templates')).toBe(false);
    expect(coded('Inside a list, fences are indented')).toBe(false);
  });

  it('still checks links written with template code nowhere (a URL made by {{ }} is not a file name)', () => {
    const refs = findSiteRefs(
      '<img src="{{ .RelPermalink }}" alt="x"> <a href="{% link a.pdf %}">a</a>',
      true,
      'static',
      'content/a.md',
    );
    expect(refs).toEqual([]);
  });

  it('keeps the line structure: a code span does not run across a blank line, an unclosed fence runs to the end', () => {
    const spans = codeRanges('a `open\n\nnot code` b', true);
    expect(spans).toEqual([]);
    const fence = '```\n![x](/a.png)';
    expect(codeRanges(fence, true)).toEqual([{ from: 0, to: fence.length }]);
    // An indented line inside a list is the item's text, not code.
    const list = '- item\n\n    ![](/in-list.png)\n';
    expect(codeRanges(list, true)).toEqual([]);
    expect(checkBody(list, 'markdown').map((problem) => problem.code)).toEqual(['img-alt']);
  });

  it('stays linear on many unmatched backtick runs and fences', () => {
    for (const hostile of [
      '`a ``b ```c '.repeat(20_000),
      '```\n'.repeat(20_000),
      '    x\n\n'.repeat(20_000),
    ]) {
      const before = scanSteps.count;
      codeRanges(hostile, true);
      expect(scanSteps.count - before).toBeLessThan(hostile.length * 6);
    }
  });
});

describe('checks on a post with garbled front matter', () => {
  const text = real('hugo-docs-code/content/posts/garbled.md');

  it('flags mojibake in the title and description, in plain words, with fixes', () => {
    const problems = checkPost(text, 'markdown').filter((problem) => problem.code === 'mojibake');
    const bodyStart = splitFrontMatter(text).bodyStart;
    const head = problems.filter((problem) => problem.from < bodyStart);
    expect(head.map((problem) => text.slice(problem.from, problem.to))).toEqual(['â€™', 'â€œ', 'â€']);
    expect(head[0]!.message).toBe(
      'This looks like garbled text: â€™ should be ’ (it looks like UTF-8 read as Windows-1252).',
    );
    // In the body, the one outside code only.
    expect(problems.filter((problem) => problem.from >= bodyStart)).toHaveLength(1);
    const fixed = applyAll(text, problems);
    expect(fixed).toContain('title: "Don’t lose the thread"');
    expect(fixed).toContain('description: Writing “smart quotes” the site can read');
    expect(fixed).toContain('A body with a real one: it’s here.');
    expect(fixed).toContain('Inside code it stays: itâ€™s an example');
    expect(checkPost(fixed, 'markdown')).toEqual([]);
  });
});

describe('the problems pass over real-shaped pages', () => {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'postdesk-real-')), 'hugo-docs-code');
  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it('counts only the real problems of each page (a copy of the fixture site)', async () => {
    cpSync(path.resolve(__dirname, '..', '..', '..', 'fixtures', 'real', 'hugo-docs-code'), root, {
      recursive: true,
    });
    const info = await detectSite(root);
    expect(info.staticDir).toBe('static');
    const facts = await readSiteFacts(info);
    const read = (id: string): string => readFileSync(path.join(root, id), 'utf8');
    const code = checkPostProblems('content/functions/render.md', read('content/functions/render.md'), facts);
    expect(code).toEqual({ count: 1, first: expect.stringMatching(/real-missing\.png is not in the site/) });
    const garbled = checkPostProblems('content/posts/garbled.md', read('content/posts/garbled.md'), facts);
    expect(garbled.count).toBe(4);
    expect(garbled.first).toMatch(/^This looks like garbled text: â€™ should be ’/);
  });
});

describe('links to anchors of the same post', () => {
  it('flags an anchor no heading defines, not those that exist, nor any inside code', () => {
    const body = [
      '## Getting started',
      '',
      '### Options {#opts}',
      '',
      '<h2 id="html-part">HTML</h2>',
      '',
      'See [start](#getting-started), [opts](#opts), [html](#html-part) and <a href="#gone">gone</a>.',
      'Also [missing](#nowhere) and `[in code](#not-checked)`.',
      '',
    ].join('\n');
    const problems = checkBody(body, 'markdown').filter((problem) => problem.code === 'broken-anchor');
    expect(problems.map((problem) => body.slice(problem.from, problem.to))).toEqual(['#gone', '#nowhere']);
    expect(problems[1]!.message).toBe(
      'This link points to #nowhere, but no heading of this post has that anchor.',
    );
  });
});
