import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBody, checkPost } from '../../../../shared/lint/check-post';
import { scanSteps } from '../../../../shared/lint/scan-text';
import { findSiteRefs } from '../../../../shared/lint/site-refs';
import { maxMarkdownNesting } from '../../../../shared/render/markdown-guard';
import { isBalancedHtml, markdownBlocks } from '../../../../shared/render/render-blocks';
import { renderBody } from '../../../../shared/render/render-body';
import { hostileSample, hostileSamplesDir, hostileShapes, tagSoup } from '../../../support/hostile-shapes';

/** The scanner steps every text check takes on `text` (characters passed over, counted by the scanners). */
function stepsOf(text: string): number {
  const before = scanSteps.count;
  checkBody(text, 'markdown');
  checkBody(text, 'html');
  findSiteRefs(text, true, 'static', 'content/posts/a.md');
  isBalancedHtml(text);
  return scanSteps.count - before;
}

/** Steps allowed per character: a constant, whatever the text (a quadratic scan needs ~length). */
const stepsPerChar = 40;

describe('hostile corpus: every check stays linear', () => {
  it('has the committed samples of the known shapes', () => {
    expect(readdirSync(hostileSamplesDir).length).toBeGreaterThanOrEqual(10);
  });

  it.each(readdirSync(hostileSamplesDir))('checks the committed sample %s within the step budget', (name) => {
    const text = hostileSample(name);
    const before = scanSteps.count;
    checkPost(text, 'markdown');
    expect(scanSteps.count - before).toBeLessThanOrEqual(stepsPerChar * text.length);
    expect(stepsOf(text)).toBeLessThanOrEqual(stepsPerChar * text.length);
  });

  it.each(hostileShapes.map((shape) => [shape.name, shape] as const))(
    'checks %s at 64 KB and 195 KB within the same steps per character (the bench runs 2 MB)',
    (_name, shape) => {
      for (const size of [64 * 1024, 195 * 1024]) {
        const text = shape.make(size);
        expect(stepsOf(text)).toBeLessThanOrEqual(stepsPerChar * text.length);
      }
    },
  );

  it('finishes every check of random 100 KB tag soup within the step budget', () => {
    fc.assert(
      fc.property(tagSoup(40), fc.integer({ min: 1, max: 8 }), (unit, seed) => {
        // A random piece of soup, repeated (and varied) up to about 100 KB.
        const pieces: string[] = [];
        let length = 0;
        for (let index = 0; length < 100 * 1024; index++) {
          const piece = index % seed === 0 ? unit : unit.slice(index % (unit.length + 1));
          pieces.push(piece || '<');
          length += piece.length || 1;
        }
        const text = pieces.join('');
        expect(stepsOf(text)).toBeLessThanOrEqual(stepsPerChar * text.length);
      }),
      { numRuns: 10 },
    );
  });
});

describe('hostile corpus: the preview never goes blank', () => {
  it('renders 100,000 nested quotes (they overflowed marked) bounded to the nesting limit', () => {
    const html = renderBody(`${'>'.repeat(100_000)} deep\n`, 'markdown');
    expect(html.match(/<blockquote>/g)?.length).toBe(maxMarkdownNesting);
    expect(html).toContain('deep');
    expect(markdownBlocks(`${'> '.repeat(100_000)}deep\n`)?.blocks).toHaveLength(1);
  });

  it('renders a list nested 2,000 levels deep, bounded', () => {
    const body = Array.from({ length: 2000 }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join(
      '\n',
    );
    const html = renderBody(body, 'markdown');
    expect(html).toContain('item 1999');
    expect((html.match(/<ul>/g)?.length ?? 0) <= 2 * maxMarkdownNesting + 1).toBe(true);
  });

  it('shows the text with a notice where marked itself overflows (10,000 stars around a word)', () => {
    const body = `${'*'.repeat(10_000)}a${'*'.repeat(10_000)}\n`;
    const html = renderBody(body, 'markdown', { lineMarkers: true });
    expect(html).toContain('The preview cannot render this text');
    expect(html).toContain('*'.repeat(100));
  });

  it('keeps the lines of a bounded body (line markers stay right)', () => {
    const body = `${'>'.repeat(50)} a\n\nnext\n`;
    const html = renderBody(body, 'markdown', { lineMarkers: true });
    expect(html).toContain('data-pd-line="3"');
  });
});
