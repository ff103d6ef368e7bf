import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTags } from '../../../../shared/lint/problem';
import { findMarkdownLinks } from '../../../../shared/lint/site-refs';
import { isBalancedHtml } from '../../../../shared/render/render-blocks';
import { tagSoup } from '../../../support/hostile-shapes';
import { oracleFindTags, oracleIsBalancedHtml, oracleMarkdownLinks } from '../../../support/regex-oracle';

describe('linear scanners find what the former regex scanners found', () => {
  it('findTags matches the regex scanner on random tag soup', () => {
    fc.assert(
      fc.property(tagSoup(60), fc.constantFrom('img', 'a'), (text, name) => {
        const tags = findTags(text, name).map(({ from, to, attributes }) => ({ from, to, attributes }));
        expect(tags).toEqual(oracleFindTags(text, name));
      }),
      { numRuns: 3000 },
    );
  });

  it('findMarkdownLinks matches the regex pattern on random tag soup', () => {
    fc.assert(
      fc.property(tagSoup(60), (text) => {
        const links = findMarkdownLinks(text).map((link) => ({
          image: link.image,
          url: text.slice(link.urlFrom, link.urlTo),
          from: link.urlFrom,
        }));
        const oracle = oracleMarkdownLinks(text);
        expect(links.map(({ image, url }) => ({ image, url }))).toEqual(
          oracle.map(({ image, url }) => ({ image, url })),
        );
        // The regex located the URL by searching for its text, which finds the `<` of `](<<x)` first:
        // the scanner answers where the URL really starts, at most that one character later.
        links.forEach((link, index) => {
          const delta = link.from - (oracle[index]?.from ?? 0);
          expect(delta === 0 || (delta === 1 && text[link.from - 1] === '<')).toBe(true);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('isBalancedHtml matches the regex check on random tag soup', () => {
    fc.assert(
      fc.property(tagSoup(40), (text) => {
        expect(isBalancedHtml(text)).toBe(oracleIsBalancedHtml(text));
      }),
      { numRuns: 3000 },
    );
  });
});
