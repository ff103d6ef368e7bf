import { RE2JS } from 're2js';
import type { SearchQuery } from '../../../shared/api-search';
import { PostdeskError } from '../../../shared/errors';

/** The most words and phrases one query may hold. */
export const maxQueryTerms = 16;
/** The longest indexed term; longer runs of letters are cut to this length. */
export const maxTermLength = 64;

const wordPoint = /^[\p{L}\p{N}_]$/u;
/** Per UTF-16 unit of the Basic Multilingual Plane: 0 not yet known, 1 a word character, 2 not. */
const bmpKinds = new Uint8Array(65536);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  bmpKinds[code] = /[A-Za-z0-9_]/.test(char) ? 1 : 2;
}

/** True when the code point at `at` (`code` is its first unit) is a letter, a digit or `_`. */
function isWordAt(text: string, at: number, code: number): boolean {
  if (code >= 0xd800 && code <= 0xdbff)
    return wordPoint.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
  let kind = bmpKinds[code];
  if (kind === 0) {
    kind = wordPoint.test(String.fromCharCode(code)) ? 1 : 2;
    bmpKinds[code] = kind;
  }
  return kind === 1;
}

/** The distinct lower-cased words of `text` (runs of letters, digits and `_`, each cut to `maxTermLength`), in order of first use. */
export function termsOf(text: string): string[] {
  return [...termSet(text)];
}

/** The set of `termsOf(text)`: one linear pass, a table answering each character. */
export function termSet(text: string): Set<string> {
  const seen = new Set<string>();
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = -1;
  for (let at = 0; at <= length; at++) {
    const code = at < length ? lower.charCodeAt(at) : 32;
    if (at < length && isWordAt(lower, at, code)) {
      if (start < 0) start = at;
      // The low half of a surrogate pair belongs to the word its high half began.
      if (code >= 0xd800 && code <= 0xdbff) at++;
    } else if (start >= 0) {
      seen.add(
        at - start > maxTermLength ? lower.slice(start, start + maxTermLength) : lower.slice(start, at),
      );
      start = -1;
    }
  }
  return seen;
}

/** One word or quoted phrase of a query. */
export interface QueryTerm {
  kind: 'word' | 'phrase';
  text: string;
  /** The index words it needs (lower case). */
  words: string[];
}

/** Splits a query into words and "quoted phrases" (a word with inner punctuation is a phrase). */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const text = (match[1] ?? match[2] ?? '').trim();
    const words = termsOf(text);
    if (words.length === 0) continue;
    const phrase = match[1] !== undefined || words.length > 1 || !/^[\p{L}\p{N}_]+$/u.test(text);
    terms.push({ kind: phrase ? 'phrase' : 'word', text, words });
    if (terms.length === maxQueryTerms) break;
  }
  return terms;
}

/** A match found in a text: its offset and length, and the regex groups when a regex found it. */
export interface FoundMatch {
  offset: number;
  length: number;
  groups: (string | null)[];
}

/** Finds the matches of one term or pattern in a text, at most `limit` of them. */
export type Finder = (text: string, limit: number) => FoundMatch[];

// `-` is not escaped: outside a class it is plain, and `\-` is a syntax error with the `u` flag.
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** True when the code point ending just before `offset` is a letter, a digit or `_`. */
function wordCharBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const code = text.charCodeAt(offset - 1);
  if (code >= 0xdc00 && code <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordAt(text, offset - 2, high);
  }
  return isWordAt(text, offset - 1, code);
}

/** True when the code point starting at `offset` is a letter, a digit or `_`. */
function wordCharAt(text: string, offset: number): boolean {
  return offset < text.length && isWordAt(text, offset, text.charCodeAt(offset));
}

/**
 * A finder for a literal term: a word matches as a word prefix (or whole word), a phrase as is.
 * The word boundaries are checked beside each match found by a plain pattern (a lookbehind in the
 * pattern made every search about twice as slow).
 */
export function literalFinder(term: QueryTerm, caseSensitive: boolean, wholeWord: boolean): Finder {
  const body = term.text
    .split(/\s+/)
    .filter((part) => part !== '')
    .map(escape)
    .join('\\s+');
  const startsAtWord = /^[\p{L}\p{N}_]/u.test(term.text);
  const endsAtWord = /[\p{L}\p{N}_]$/u.test(term.text);
  const checkAfter = endsAtWord && (wholeWord || term.kind === 'phrase');
  const pattern = new RegExp(body, caseSensitive ? 'gu' : 'giu');
  return (text, limit) => {
    const found: FoundMatch[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const offset = match.index;
      const length = match[0].length;
      if (
        (startsAtWord && wordCharBefore(text, offset)) ||
        (checkAfter && wordCharAt(text, offset + length))
      ) {
        // Not at a word boundary: look again from the next code point (matches may overlap).
        const code = text.charCodeAt(offset);
        pattern.lastIndex = offset + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
        continue;
      }
      found.push({ offset, length, groups: [] });
      if (found.length >= limit) break;
      if (length === 0) pattern.lastIndex++;
    }
    return found;
  };
}

/**
 * A finder for a regular expression, run by RE2JS (a linear-time engine: no pattern can backtrack
 * catastrophically). An invalid pattern, or one using what RE2 cannot do (backreferences,
 * lookaround), is refused with a message.
 */
export function regexFinder(source: string, caseSensitive: boolean, wholeWord: boolean): Finder {
  const pattern = wholeWord ? `\\b(?:${source})\\b` : source;
  const compile = (text: string, flags: number): RE2JS => {
    try {
      return RE2JS.compile(text, RE2JS.MULTILINE | flags);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? 'invalid pattern';
      throw new PostdeskError(
        'invalid-argument',
        `The regular expression is not valid (${message}). Postdesk uses a linear-time engine (RE2): backreferences and lookaround are not supported.`,
      );
    }
  };
  const exact = compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  // RE2JS is about 100 times slower ignoring case: run the pattern with its literals in lower case,
  // case-sensitively, over the lower-cased text (same offsets whenever lower-casing keeps the length).
  const folded = caseSensitive ? null : compileFolded(pattern);
  const groupCount = exact.groupCount();
  return (text, limit) => {
    const found: FoundMatch[] = [];
    const lower = folded ? text.toLowerCase() : text;
    const useFolded = folded !== null && lower.length === text.length;
    const matcher = useFolded ? folded.matcher(lower) : exact.matcher(text);
    while (found.length < limit && matcher.find()) {
      const offset = matcher.start();
      const length = matcher.end() - offset;
      const groups: (string | null)[] = [];
      for (let group = 1; group <= groupCount; group++) {
        const start = matcher.start(group);
        groups.push(start < 0 ? null : text.slice(start, matcher.end(group)));
      }
      found.push({ offset, length, groups });
    }
    return found;
  };
}

/**
 * The pattern with its literal letters in lower case (escapes and group syntax kept), compiled
 * case-sensitively; null when that cannot be done safely (inline flags, code points, Unicode classes).
 */
export function compileFolded(pattern: string): RE2JS | null {
  let out = '';
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at] ?? '';
    if (char === '\\') {
      const next = pattern[at + 1] ?? '';
      // Code points and Unicode classes could name upper-case letters: keep the exact engine.
      if (/[pPxuU0-9]/.test(next)) return null;
      out += char + next;
      at++;
    } else if (char === '(' && pattern[at + 1] === '?') {
      const close = pattern.slice(at).search(/[:)>]/);
      if (close === -1) return null;
      const head = pattern.slice(at, at + close + 1);
      if (/i/.test(head.replace(/^\(\?P?<.*$/, ''))) return null;
      out += head;
      at += close;
    } else {
      out += char.toLowerCase();
    }
  }
  try {
    return RE2JS.compile(out, RE2JS.MULTILINE);
  } catch {
    // A pattern RE2 refuses: answered null, the caller tells the user the pattern is invalid.
    return null;
  }
}

/** The finders of a query (one per term, or one for a regex); empty for an empty query. */
export function findersOf(search: SearchQuery): { terms: QueryTerm[]; finders: Finder[] } {
  const caseSensitive = search.caseSensitive === true;
  const wholeWord = search.wholeWord === true;
  if (search.regex === true) {
    if (search.query === '') return { terms: [], finders: [] };
    return { terms: [], finders: [regexFinder(search.query, caseSensitive, wholeWord)] };
  }
  const terms = parseQuery(search.query);
  return { terms, finders: terms.map((term) => literalFinder(term, caseSensitive, wholeWord)) };
}

/**
 * The one finder a replace uses: the regex, or the whole query as one literal text (a single word
 * matches as a word prefix, several words as a phrase; surrounding quotes are dropped).
 */
export function replaceFinder(search: SearchQuery): Finder | null {
  const caseSensitive = search.caseSensitive === true;
  const wholeWord = search.wholeWord === true;
  if (search.query.trim() === '') return null;
  if (search.regex === true) return regexFinder(search.query, caseSensitive, wholeWord);
  const text = search.query.trim().replace(/^"(.*)"$/s, '$1');
  if (text.trim() === '') return null;
  const kind = /^[\p{L}\p{N}_]+$/u.test(text) ? 'word' : 'phrase';
  return literalFinder({ kind, text, words: termsOf(text) }, caseSensitive, wholeWord);
}

/** The text a replacement puts in place of a match: literal, or with $1..$99 and $& expanded for a regex. */
export function expandReplacement(
  replacement: string,
  match: FoundMatch,
  text: string,
  regex: boolean,
): string {
  if (!regex) return replacement;
  return replacement.replace(/\$(\$|&|\d{1,2})/g, (whole, what: string) => {
    if (what === '$') return '$';
    if (what === '&') return text.slice(match.offset, match.offset + match.length);
    const group = match.groups[Number(what) - 1];
    return group === undefined ? whole : (group ?? '');
  });
}
