import { describe, expect, it } from 'vitest';
import type { SiteImage } from '../../../../../shared/api';
import { isImageField } from '../../../../../renderer/features/images/image-keys';
import {
  altFromFileName,
  formatBytes,
  imageMarkup,
  imageUrlForPost,
} from '../../../../../renderer/features/images/image-markup';

function image(id: string, url: string | null): SiteImage {
  return { id, url, type: 'png', size: 1, width: 1, height: 1, mtimeMs: 0, usedBy: [] };
}

describe('image markup', () => {
  it('writes Markdown or HTML, escaping what would break it', () => {
    expect(imageMarkup('markdown', '/images/a.png', 'A [red] kite')).toBe(
      '![A \\[red\\] kite](/images/a.png)',
    );
    expect(imageMarkup('markdown', 'my photo.png', 'x')).toBe('![x](<my photo.png>)');
    expect(imageMarkup('html', '/images/a.png', 'Say "hi" & <wave>')).toBe(
      '<img src="/images/a.png" alt="Say &quot;hi&quot; &amp; &lt;wave&gt;">',
    );
    expect(imageMarkup('markdown', '/a.png', 'two\nlines')).toBe('![two lines](/a.png)');
  });

  it('guesses alt text from file names', () => {
    expect(altFromFileName('My_red-kite.final.png')).toBe('My red kite final');
    expect(altFromFileName('C:\\photos\\IMG_0001.JPG')).toBe('IMG 0001');
  });

  it('refers to static images by site-root URL and to others relative to the post', () => {
    expect(imageUrlForPost(image('static/images/a.png', '/images/a.png'), 'content/posts/x.md')).toBe(
      '/images/a.png',
    );
    expect(imageUrlForPost(image('content/posts/trip/view.png', null), 'content/posts/trip/index.md')).toBe(
      'view.png',
    );
    expect(imageUrlForPost(image('content/posts/trip/view.png', null), 'content/posts/other.md')).toBe(
      'trip/view.png',
    );
    expect(imageUrlForPost(image('content/other/view.png', null), 'content/posts/trip/index.md')).toBe(
      '../../other/view.png',
    );
  });

  it('formats sizes', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14540)).toBe('14.2 KB');
    expect(formatBytes(3.1 * 1024 * 1024)).toBe('3.1 MB');
  });
});

describe('isImageField', () => {
  it('knows the usual image keys and image-looking values', () => {
    expect(isImageField('image', '/images/a.png')).toBe(true);
    expect(isImageField('Featured-Image', '')).toBe(true);
    expect(isImageField('featuredImage', undefined)).toBe(true);
    expect(isImageField('thumbnail', null)).toBe(true);
    expect(isImageField('whatever', 'uploads/pic.JPG')).toBe(true);
    expect(isImageField('title', 'A post about cats')).toBe(false);
    expect(isImageField('image', 42)).toBe(false);
    expect(isImageField('tags', ['a.png'])).toBe(false);
    expect(isImageField('title', 'see a.png for more')).toBe(false);
  });
});
