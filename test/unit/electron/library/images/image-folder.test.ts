import { describe, expect, it } from 'vitest';
import type { SiteInfo } from '../../../../../shared/api';
import { imageFolderFor } from '../../../../../electron/library/images/image-folder';

const hugo: SiteInfo = {
  root: '/site',
  name: 'site',
  generator: 'hugo',
  contentDirs: ['content'],
  staticDir: 'static',
  notice: null,
  detected: 'Hugo site',
  sections: ['posts'],
  trash: 'folder',
  canReveal: false,
};
const jekyll: SiteInfo = { ...hugo, generator: 'jekyll', contentDirs: ['_posts', '_drafts'], staticDir: '.' };
const plain: SiteInfo = { ...hugo, generator: 'plain', contentDirs: ['.'], staticDir: null };

describe('imageFolderFor', () => {
  it('Hugo: static/images/<section>/<slug>, written as a site-root URL', () => {
    expect(imageFolderFor(hugo, 'content/posts/my-trip.md', null)).toEqual({
      folder: 'static/images/posts/my-trip',
      urlPrefix: '/images/posts/my-trip/',
    });
    expect(imageFolderFor(hugo, 'content/about.md', null)).toEqual({
      folder: 'static/images/about',
      urlPrefix: '/images/about/',
    });
  });

  it('Hugo page bundles: the bundle folder, written as a bare file name', () => {
    expect(imageFolderFor(hugo, 'content/posts/my-trip/index.md', null)).toEqual({
      folder: 'content/posts/my-trip',
      urlPrefix: '',
    });
    expect(imageFolderFor(hugo, 'content/posts/_index.md', null).folder).toBe('content/posts');
  });

  it('Jekyll: assets/images/<slug> without the date, from the site root', () => {
    expect(imageFolderFor(jekyll, '_posts/2024-03-05-hello-world.md', null)).toEqual({
      folder: 'assets/images/hello-world',
      urlPrefix: '/assets/images/hello-world/',
    });
  });

  it('plain folders: an images folder beside the post, written relative to it', () => {
    expect(imageFolderFor(plain, 'notes/today.md', null)).toEqual({
      folder: 'notes/images',
      urlPrefix: 'images/',
    });
  });

  it('a configured pattern wins, with placeholders filled and empty segments dropped', () => {
    expect(imageFolderFor(hugo, 'content/posts/my-trip.md', 'static/img/{section}/{slug}')).toEqual({
      folder: 'static/img/posts/my-trip',
      urlPrefix: '/img/posts/my-trip/',
    });
    expect(imageFolderFor(hugo, 'content/about.md', 'static/img/{section}/{slug}').folder).toBe(
      'static/img/about',
    );
    expect(imageFolderFor(hugo, 'content/posts/my-trip.md', 'assets/{slug}')).toEqual({
      folder: 'assets/my-trip',
      urlPrefix: '../../assets/my-trip/',
    });
  });

  it('refuses patterns that leave the site', () => {
    expect(() => imageFolderFor(hugo, 'content/posts/a.md', '../outside/{slug}')).toThrow(/refused/);
    expect(() => imageFolderFor(hugo, 'content/posts/a.md', '/etc/{slug}')).not.toThrow();
    expect(imageFolderFor(hugo, 'content/posts/a.md', '/etc/{slug}').folder).toBe('etc/a');
    expect(() => imageFolderFor(hugo, 'content/posts/a.md', 'static/C:/{slug}')).not.toThrow();
  });
});
