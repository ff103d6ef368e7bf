// The outline of a post (its headings, outside code) and the SEO facts (lengths against the usual
// ranges, the slug, images without alt), on real-shaped Markdown and HTML bodies and hostile shapes.
import { describe, expect, it } from 'vitest';
import { headingAtLine, postOutline } from '../../../../shared/post/outline';
import { countImagesWithoutAlt, postSlug, seoFacts } from '../../../../shared/post/seo-facts';

const markdown = [
  '# Getting started',
  '',
  'Intro with `# not a heading` inline.',
  '',
  '## Install **Hugo** ##',
  '',
  '```sh',
  '# a shell comment, not a heading',
  'hugo new site blog',
  '```',
  '',
  'Setext title',
  '============',
  '',
  'Second setext',
  '---',
  '',
  '    # indented code, not a heading',
  '#hashtag is not a heading',
  '### [Linked](https://example.org) _title_',
  '<h2 class="x">Raw <em>HTML</em> heading</h2>',
].join('\n');

describe('post outline', () => {
  it('lists Markdown headings with their lines, outside fenced and indented code', () => {
    expect(postOutline(markdown, 'markdown').map(({ level, text, line }) => [level, text, line])).toEqual([
      [1, 'Getting started', 1],
      [2, 'Install Hugo', 5],
      [1, 'Setext title', 12],
      [2, 'Second setext', 15],
      [3, 'Linked title', 20],
      [2, 'Raw HTML heading', 21],
    ]);
  });

  it('lists HTML headings of an HTML body, with their offsets', () => {
    const html =
      '<p>intro</p>\n<h2 id="a">First <a href="#">part</a></h2>\n<p>x</p>\n<H3>Second</H3>\n<hr>\n<header>no</header>';
    const outline = postOutline(html, 'html');
    expect(outline.map(({ level, text, line }) => [level, text, line])).toEqual([
      [2, 'First part', 2],
      [3, 'Second', 4],
    ]);
    expect(html.slice(outline[1]!.offset).startsWith('<H3>')).toBe(true);
  });

  it('finds the heading whose section holds a line', () => {
    const outline = postOutline(markdown, 'markdown');
    expect(headingAtLine(outline, 1)).toBe(0);
    expect(headingAtLine(outline, 9)).toBe(1);
    expect(headingAtLine(outline, 100)).toBe(5);
    expect(headingAtLine(postOutline('text\n# late', 'markdown'), 1)).toBe(-1);
  });

  it('stays bounded on hostile shapes', () => {
    expect(postOutline('#'.repeat(200_000), 'markdown')).toEqual([]);
    expect(postOutline('<h1'.repeat(100_000), 'html')).toEqual([]);
    expect(postOutline('# x\n'.repeat(10_000), 'markdown')).toHaveLength(2000);
    const long = postOutline(`# ${'['.repeat(100_000)}`, 'markdown');
    expect(long[0]!.text.length).toBeLessThanOrEqual(300);
  });
});

describe('SEO facts', () => {
  it('measures title and description against 50-60 and 150-160 and says what is wrong in plain words', () => {
    const facts = seoFacts({
      id: 'content/posts/2026-12-01-My_Post.md',
      title: 'A short title',
      description: '',
      slug: null,
      body: '![](/a.png) and ![alt](/b.png) <img src="c.png"> <img alt="" src="d.png"> <img alt="ok" src="e.png">',
    });
    expect(facts.title).toMatchObject({ length: 13, verdict: 'short', range: [50, 60] });
    expect(facts.description.verdict).toBe('missing');
    expect(facts.slug.value).toBe('My_Post');
    expect(facts.imagesWithoutAlt).toBe(3);
    expect(facts.warnings).toEqual([
      'The post has no description: search results will show text picked from the page.',
      'The slug has capital letters: URLs are usually all lower case.',
      '3 images have no alt text: screen readers and search engines cannot tell what they show.',
    ]);
    const good = seoFacts({
      id: 'content/posts/trip/index.md',
      title: 'x'.repeat(55),
      description: 'y'.repeat(155),
      slug: 'a-good-slug',
      body: '',
    });
    expect([good.title.verdict, good.description.verdict, good.warnings]).toEqual(['good', 'good', []]);
  });

  it('names the slug from the slug key, the file name or the bundle folder, without a date prefix', () => {
    expect(postSlug('content/posts/2026-01-02-hello.md', null)).toBe('hello');
    expect(postSlug('content/posts/trip/index.md', null)).toBe('trip');
    expect(postSlug('content/posts/x.md', ' custom ')).toBe('custom');
  });

  it('counts images without alt in one pass, even on <img repeated', () => {
    expect(countImagesWithoutAlt('<img '.repeat(400_000))).toBe(0);
    expect(countImagesWithoutAlt(`${'<img '.repeat(400_000)}>`)).toBe(1);
  });
});
