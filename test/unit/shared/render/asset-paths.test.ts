import { describe, expect, it } from 'vitest';
import { siteFileForUrl } from '../../../../shared/render/asset-paths';

describe('siteFileForUrl', () => {
  const post = 'content/posts/bundle/index.md';
  it.each([
    ['/images/blog/post/x.png', 'static', post, 'static/images/blog/post/x.png'],
    ['/images/a%20b.png?v=2#top', 'static', post, 'static/images/a b.png'],
    ['/assets/x.png', '.', '_posts/2024-01-01-a.md', 'assets/x.png'],
    ['photo.jpg', 'static', post, 'content/posts/bundle/photo.jpg'],
    ['./img/photo.jpg', 'static', post, 'content/posts/bundle/img/photo.jpg'],
    ['../other/p.png', 'static', post, 'content/posts/other/p.png'],
  ])('%s (static %s) -> %s', (url, staticDir, postId, expected) => {
    expect(siteFileForUrl(url, staticDir, postId)).toBe(expected);
  });

  it.each([
    'https://example.org/x.png',
    '//cdn.example/x.png',
    'data:image/png;base64,AA',
    'javascript:alert(1)',
    '#x',
    '',
    '/../../etc/passwd',
  ])('leaves %j alone or refuses to climb out', (url) => {
    const result = siteFileForUrl(url, 'static', 'x.md');
    expect(result === null || !result.includes('..')).toBe(true);
    if (!url.startsWith('/..')) expect(result).toBeNull();
  });

  it('answers null for site-root paths when the site has no static folder', () => {
    expect(siteFileForUrl('/images/x.png', null, 'a.md')).toBeNull();
  });
});
