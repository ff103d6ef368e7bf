import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  literalFinder,
  maxTermLength,
  parseQuery,
  termsOf,
  type QueryTerm,
} from '../../../../../electron/library/search/search-matcher';

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

/** The matches of a literal term as the finder defined them first: one pattern with lookaround. */
function referenceMatches(
  term: QueryTerm,
  text: string,
  caseSensitive: boolean,
  wholeWord: boolean,
): number[] {
  const body = term.text
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  const wordChar = '[\\p{L}\\p{N}_]';
  const before = /^[\p{L}\p{N}_]/u.test(term.text) ? `(?<!${wordChar})` : '';
  const after =
    /[\p{L}\p{N}_]$/u.test(term.text) && (wholeWord || term.kind === 'phrase') ? `(?!${wordChar})` : '';
  const pattern = new RegExp(`${before}${body}${after}`, caseSensitive ? 'gu' : 'giu');
  return [...text.matchAll(pattern)].map((match) => match.index);
}

describe('literal finder', () => {
  it('finds hyphenated words and dates (a `\\-` escape was a syntax error with the u flag)', () => {
    const text = 'A co-op since 2024-01-05; the co-operative.';
    const find = (query: string) =>
      parseQuery(query).map((term) =>
        literalFinder(term, false, false)(text, 10).map((match) => match.offset),
      );
    expect(find('co-op')).toEqual([[2]]);
    expect(find('2024-01-05')).toEqual([[14]]);
  });

  it('finds what a pattern with lookbehind and lookahead found, at word boundaries', () => {
    const pieces = fc.constantFrom('ab', 'AB', 'a', 'b', ' ', '  ', '-', '_', 'é', '𝐀', '😀', '\n', 'x');
    const queries = fc.constantFrom('ab', 'a', 'b a', '"ab ab"', 'a-b', '_a', 'é', '𝐀b', 'ab.');
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }),
        queries,
        fc.boolean(),
        fc.boolean(),
        (parts, query, caseSensitive, wholeWord) => {
          const text = parts.join('');
          for (const term of parseQuery(query)) {
            const found = literalFinder(
              term,
              caseSensitive,
              wholeWord,
            )(text, 1000).map((match) => match.offset);
            expect(found).toEqual(referenceMatches(term, text, caseSensitive, wholeWord));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
