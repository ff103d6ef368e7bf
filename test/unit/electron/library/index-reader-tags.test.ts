import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../../electron/library/front-matter-data';
import { summarize } from '../../../../electron/library/post-summary';
import type { SiteInfo } from '../../../../shared/api';

const site = { root: '/site', generator: 'hugo', contentDirs: ['content'] } as unknown as SiteInfo;

describe("the index's header reader on tagged YAML values", () => {
  const post = [
    '---',
    'title: A gallery',
    'tags: [photos]',
    'thumbnail: !!binary |',
    '  R0lGODlhDAAMAIQAAP//9/X',
    'seen: !!set',
    '  ? Mark',
    'mood: !feeling calm',
    'when: !!timestamp 2024-05-06',
    '---',
    'Body.',
    '',
  ].join('\n');

  it('lists the post without a problem (tags were "unknown tag" errors), base64 as text', () => {
    const summary = summarize(site, 'content/gallery.md', post, { mtimeMs: 0, size: post.length });
    expect(summary).toMatchObject({ error: null, title: 'A gallery', tags: ['photos'] });
    const end = post.indexOf('---\nBody');
    expect(parseHeader(post.slice(0, end), 'yaml', 4)).toEqual({
      ok: true,
      data: {
        title: 'A gallery',
        tags: ['photos'],
        thumbnail: 'R0lGODlhDAAMAIQAAP//9/X\n',
        seen: { Mark: null },
        mood: 'calm',
        when: '2024-05-06',
      },
    });
  });
});
