import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBody, checkPost, countProblems } from '../../../../shared/lint/check-post';
import { checkFrontMatter, isReadableDate } from '../../../../shared/lint/front-matter-checks';
import { checkBlankNoopener, checkDuplicateStyle, checkImageAlt } from '../../../../shared/lint/html-checks';
import { checkMojibake, redecodeMojibake } from '../../../../shared/lint/mojibake';
import type { Problem } from '../../../../shared/lint/problem';
import { checkMissingFiles, findSiteRefs } from '../../../../shared/lint/site-refs';
import { splitFrontMatter } from '../../../../shared/post/split-front-matter';

const fixture = (name: string): string =>
  readFileSync(path.resolve(__dirname, '..', '..', '..', 'fixtures', 'lint', name), 'utf8');
const bodyOf = (text: string): string => text.slice(splitFrontMatter(text).bodyStart);
const applyFix = (text: string, problem: Problem): string => {
  let result = text;
  for (const change of [...(problem.fix?.changes ?? [])].sort((a, b) => b.from - a.from)) {
    result = result.slice(0, change.from) + change.insert + result.slice(change.to);
  }
  return result;
};

describe('mojibake', () => {
  it('re-decodes UTF-8 read as Windows-1252', () => {
    expect(redecodeMojibake('â€™')).toBe('’');
    expect(redecodeMojibake('â€œ')).toBe('“');
    expect(redecodeMojibake('Ã©')).toBe('é');
    expect(redecodeMojibake('ðŸŽ‰')).toBe('🎉');
    expect(redecodeMojibake('hello')).toBeNull();
  });

  it('finds each sequence of an imported post and fixes it in one click', () => {
    const body = bodyOf(fixture('old-wordpress-import.md'));
    const problems = checkMojibake(body);
    expect(problems.map((p) => body.slice(p.from, p.to))).toEqual(['â€™', 'â€œ', 'â€', 'Ã©', 'â€”']);
    let fixed = body;
    for (const problem of [...problems].reverse()) fixed = applyFix(fixed, problem);
    expect(fixed.split('\n')[0]).toBe('It’s our “best” café yet — come by.');
  });

  it('leaves correct Unicode alone', () => {
    expect(checkMojibake(bodyOf(fixture('clean-post.md')))).toEqual([]);
  });
});

describe('images without alt', () => {
  it('flags <img> without alt and Markdown images with empty alt', () => {
    const html = bodyOf(fixture('corporate-html-post.md'));
    const found = checkImageAlt(html, false);
    expect(found).toHaveLength(1);
    expect(html.slice(found[0]!.from, found[0]!.to)).toContain('team.jpg');
    const md = bodyOf(fixture('old-wordpress-import.md'));
    const mdFound = checkImageAlt(md, true);
    expect(mdFound.map((p) => md.slice(p.from, p.to))).toEqual(['![](/images/blog/cafe/front.jpg)']);
  });
});

describe('target=_blank without noopener', () => {
  it('flags only the link without rel, and its fix adds rel="noopener"', () => {
    const body = bodyOf(fixture('corporate-html-post.md'));
    const found = checkBlankNoopener(body);
    expect(found).toHaveLength(1);
    const fixed = applyFix(body, found[0]!);
    expect(fixed).toContain('<a href="https://example.com/press" target="_blank" rel="noopener">');
    expect(checkBlankNoopener(fixed)).toEqual([]);
  });

  it('appends to an existing rel', () => {
    const body = '<a rel="nofollow" target="_blank" href="https://x.org">x</a>';
    const fixed = applyFix(body, checkBlankNoopener(body)[0]!);
    expect(fixed).toBe('<a rel="nofollow noopener" target="_blank" href="https://x.org">x</a>');
  });
});

describe('repeated style properties', () => {
  it('names the repeated property', () => {
    const found = checkDuplicateStyle(bodyOf(fixture('corporate-html-post.md')));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('width');
    expect(checkDuplicateStyle('<p style="margin: 0; padding: 0">x</p>')).toEqual([]);
  });
});

describe('files missing from the site', () => {
  it('finds site-root and bundle-relative images and file links, not page links', () => {
    const text = fixture('old-wordpress-import.md');
    const refs = findSiteRefs(bodyOf(text), true, 'static', 'content/posts/cafe/index.md');
    expect(refs.map((r) => [r.kind, r.id])).toEqual([
      ['image', 'static/images/blog/cafe/front.jpg'],
      ['image', 'content/posts/cafe/counter.jpg'],
      ['link', 'content/posts/cafe/menu.pdf'],
    ]);
    const missing = checkMissingFiles(refs, new Set(['content/posts/cafe/counter.jpg']));
    expect(missing.map((p) => p.code)).toEqual(['missing-file', 'missing-file']);
    expect(bodyOf(text).slice(missing[0]!.from, missing[0]!.to)).toBe('/images/blog/cafe/front.jpg');
  });

  it('reads HTML bodies', () => {
    const refs = findSiteRefs(
      bodyOf(fixture('corporate-html-post.md')),
      false,
      'static',
      'content/posts/lyon.md',
    );
    expect(refs.map((r) => r.id)).toEqual([
      'static/images/blog/lyon/team.jpg',
      'static/images/blog/lyon/map.png',
      'static/files/brochure.pdf',
    ]);
  });
});

describe('front matter', () => {
  it('flags an empty title and unreadable dates, on their lines', () => {
    const text = fixture('old-wordpress-import.md');
    const found = checkFrontMatter(text);
    expect(found.map((p) => p.code)).toEqual(['empty-title', 'bad-date']);
    expect(text.slice(found[1]!.from, found[1]!.to)).toBe('date: "last tuesday"');
    const corporate = checkFrontMatter(fixture('corporate-html-post.md'));
    expect(corporate.map((p) => p.message)).toEqual([expect.stringContaining('lastmod "2023-13-40"')]);
    expect(checkFrontMatter(fixture('clean-post.md'))).toEqual([]);
  });

  it('reads the date forms generators write', () => {
    for (const good of ['2024-05-19', '2024-05-19T10:30:00Z', '2024-05-19 10:30:00 +0200', '2024-02-29']) {
      expect(isReadableDate(good)).toBe(true);
    }
    for (const bad of ['2023-02-29', '19/05/2024', 'soon', '2024-5-1'])
      expect(isReadableDate(bad)).toBe(false);
  });
});

describe('a whole post', () => {
  it('counts every problem of a real-looking post, and none for a clean one', () => {
    const text = fixture('corporate-html-post.md');
    const problems = checkPost(text, 'html');
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['bad-date', 'blank-noopener', 'duplicate-style', 'img-alt'].sort(),
    );
    expect(countProblems(text, 'html')).toBe(4);
    expect(countProblems(fixture('clean-post.md'), 'markdown')).toBe(0);
    expect(checkBody(bodyOf(fixture('clean-post.md')), 'markdown')).toEqual([]);
  });

  it('keeps fix offsets right in the whole text', () => {
    const text = fixture('corporate-html-post.md');
    const fix = checkPost(text, 'html').find((p) => p.code === 'blank-noopener')!;
    expect(applyFix(text, fix)).toContain('target="_blank" rel="noopener">press release');
  });
});
