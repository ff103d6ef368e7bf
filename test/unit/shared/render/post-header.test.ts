import { describe, expect, it } from 'vitest';
import { formatDay, postHeader, siteDateLayout } from '../../../../shared/render/post-header';
import { renderBody } from '../../../../shared/render/render-body';
import { markdownBlocks } from '../../../../shared/render/render-blocks';

describe('postHeader', () => {
  it('reads title, date, authors, cover image and description the way themes do', () => {
    const header = postHeader(
      {
        title: 'Tides',
        date: new Date(Date.UTC(2026, 10, 30)),
        authors: ['Ana', { name: 'Ben' }],
        cover: { image: 'cover.jpg', alt: 'x' },
        description: 'On tides.',
      },
      { dateFormat: 'Jan 2, 2006' },
    );
    expect(header).toEqual({
      title: 'Tides',
      date: { iso: '2026-11-30', text: 'Nov 30, 2026' },
      authors: ['Ana', 'Ben'],
      image: 'cover.jpg',
      description: 'On tides.',
    });
  });

  it('takes the usual other keys: author, heroImage, images, summary, a date string with a time', () => {
    const header = postHeader({
      title: 'X',
      pubDate: '2024-02-29T23:30:00-05:00',
      author: 'Cleo',
      heroImage: '/images/hero.png',
      summary: 'Short.',
    });
    expect(header.date).toEqual({ iso: '2024-02-29', text: 'February 29, 2024' });
    expect(header.authors).toEqual(['Cleo']);
    expect(header.image).toBe('/images/hero.png');
    expect(header.description).toBe('Short.');
    expect(postHeader({ images: ['a.png', 'b.png'] }).image).toBe('a.png');
    expect(postHeader({ date: '2024-02-30' }).date).toBeNull();
    expect(postHeader({ title: { html: '<b>' } }).title).toBeNull();
  });

  it("formats with the site's Go layout or strftime format (Jekyll, minima)", () => {
    const day = { year: 2026, month: 3, day: 7 };
    expect(formatDay(day, '2006-01-02')).toBe('2026-03-07');
    expect(formatDay(day, 'Monday, January 2, 2006')).toBe('Saturday, March 7, 2026');
    expect(formatDay(day, '02/01/06')).toBe('07/03/26');
    expect(formatDay(day, '%b %-d, %Y')).toBe('Mar 7, 2026');
    expect(formatDay(day, '%A %d %B %Y')).toBe('Saturday 07 March 2026');
    expect(siteDateLayout({ minima: { date_format: '%d.%m.%Y' } })).toBe('%d.%m.%Y');
    expect(siteDateLayout({ date_format: '%Y' })).toBe('%Y');
    expect(siteDateLayout({})).toBe('January 2, 2006');
  });
});

describe('alerts', () => {
  it('renders GitHub/Hugo alerts as callouts and leaves other quotes alone', () => {
    const html = renderBody(
      '> [!NOTE]\n> Useful *thing*.\n\n> [!warning]\n>\n> Careful.\n\n> plain quote\n\n> [!TIP] not alone\n',
      'markdown',
    );
    expect(html).toContain(
      '<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">Note</p>\n<p>Useful <em>thing</em>.</p>',
    );
    expect(html).toContain(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">Warning</p>\n<p>Careful.</p>',
    );
    expect(html).toContain('<blockquote>\n<p>plain quote</p>\n</blockquote>');
    expect(html).toContain('<p>[!TIP] not alone</p>');
    for (const kind of ['TIP', 'IMPORTANT', 'CAUTION']) {
      expect(renderBody(`> [!${kind}]\n> x\n`, 'markdown')).toContain(`markdown-alert-${kind.toLowerCase()}`);
    }
  });

  it('renders them the same block by block (the preview patches blocks)', () => {
    const blocks = markdownBlocks('Intro\n\n> [!CAUTION]\n> Hot.\n');
    expect(blocks?.blocks.map((block) => block.render()).join('')).toContain('markdown-alert-caution');
    expect(renderBody('> [!IMPORTANT]\n> Read.\n', 'markdown', { lineMarkers: true })).toContain(
      'markdown-alert-important',
    );
  });
});
