import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxTermLength, termsOf } from '../../../electron/library/search/search-matcher';

/** The words of a text as the index defined them first: split on runs of non-word characters. */
function referenceTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}_]+/u)) {
    if (word !== '') seen.add(word.length > maxTermLength ? word.slice(0, maxTermLength) : word);
  }
  return [...seen];
}

describe('search terms', () => {
  it('splits like the Unicode word-character definition, astral letters and long runs included', () => {
    expect(termsOf('Café, naïve_x 𝐀𝐁c déjà-vu İstanbul ǅ 42')).toEqual(
      referenceTerms('Café, naïve_x 𝐀𝐁c déjà-vu İstanbul ǅ 42'),
    );
    expect(termsOf(`${'a'.repeat(100)} b`)).toEqual(['a'.repeat(maxTermLength), 'b']);
    const pieces = fc.constantFrom(
      'a',
      'Z',
      '_',
      '9',
      ' ',
      '-',
      'é',
      'İ',
      'ß',
      '𝐀',
      '\ud835',
      '😀',
      '中',
      '\u0301',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        expect(termsOf(text)).toEqual(referenceTerms(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(termsOf(text)).toEqual(referenceTerms(text));
      }),
      { numRuns: 300 },
    );
  });
});
