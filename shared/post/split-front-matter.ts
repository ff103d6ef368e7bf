import type { FrontMatterFormat } from '../api';

/** Where a post's front matter and body lie within its text. Offsets index the text as given. */
export interface FrontMatterSplit {
  format: FrontMatterFormat | null;
  /** Offset where the front matter's own text starts (after the opening fence line). */
  rawStart: number;
  /** Offset just past the front matter's own text (where the closing fence line starts). */
  rawEnd: number;
  /** Offset where the body starts (just past the closing fence line and its line break). */
  bodyStart: number;
  /** Set when a front matter block was opened but never closed; the whole text is then body. */
  error: string | null;
  /**
   * The language tag of a `---js` / `---json` / `---<lang>` block (Eleventy's custom front matter):
   * `format` is then null, the block lies between rawStart and rawEnd and the body after it.
   */
  language?: string;
}

const bom = '\uFEFF';

/**
 * Finds the front matter block at the top of a post (YAML `---`, TOML `+++`, JSON `{ }`), keeping
 * every byte accounted for: text.slice(0, bodyStart) + text.slice(bodyStart) is the text. Needs only
 * the beginning of a file, so the index can pass just the bytes it read.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const start = text.startsWith(bom) ? 1 : 0;
  const none: FrontMatterSplit = {
    format: null,
    rawStart: start,
    rawEnd: start,
    bodyStart: start,
    error: null,
  };
  const firstLineEnd = lineEnd(text, start);
  const firstLine = text.slice(start, firstLineEnd).replace(/\r$/, '');
  if (/^---[ \t]*$/.test(firstLine)) return fenced(text, start, firstLineEnd, 'yaml', /^(---|\.\.\.)[ \t]*$/);
  const language = /^---[ \t]*([A-Za-z][\w-]{0,30})[ \t]*$/.exec(firstLine)?.[1];
  if (language !== undefined) {
    const block = fenced(text, start, firstLineEnd, 'yaml', /^---[ \t]*$/);
    return block.error === null ? { ...block, format: null, language: language.toLowerCase() } : none;
  }
  if (/^\+\+\+[ \t]*$/.test(firstLine)) return fenced(text, start, firstLineEnd, 'toml', /^\+\+\+[ \t]*$/);
  if (text[start] === '{' && opensJsonObject(text, start)) return jsonBlock(text, start);
  return none;
}

/**
 * True when the `{` at `start` opens a JSON object: after optional whitespace comes a member (a
 * quoted key, single quotes included so that near-JSON is reported as invalid JSON), a comment, or
 * the closing `}`. A Liquid or Nunjucks tag (`{% ... %}`, `{{ ... }}`) is body text.
 */
function opensJsonObject(text: string, start: number): boolean {
  let index = start + 1;
  const limit = Math.min(text.length, start + 4096);
  while (index < limit && /[ \t\r\n]/.test(text[index]!)) index++;
  const next = text[index];
  return next === '"' || next === "'" || next === '}' || (next === '/' && /[/*]/.test(text[index + 1] ?? ''));
}

function lineEnd(text: string, from: number): number {
  const index = text.indexOf('\n', from);
  return index === -1 ? text.length : index;
}

function afterLineBreak(text: string, index: number): number {
  return index < text.length ? index + 1 : index;
}

function fenced(
  text: string,
  start: number,
  firstLineEnd: number,
  format: FrontMatterFormat,
  closing: RegExp,
): FrontMatterSplit {
  const rawStart = afterLineBreak(text, firstLineEnd);
  let cursor = rawStart;
  while (cursor < text.length) {
    const end = lineEnd(text, cursor);
    const line = text.slice(cursor, end).replace(/\r$/, '');
    if (closing.test(line)) {
      return { format, rawStart, rawEnd: cursor, bodyStart: afterLineBreak(text, end), error: null };
    }
    cursor = end + 1;
  }
  const fence = format === 'yaml' ? '---' : '+++';
  return {
    format,
    rawStart,
    rawEnd: rawStart,
    bodyStart: start,
    error: `The front matter opened on line 1 with ${fence} is never closed.`,
  };
}

function jsonBlock(text: string, start: number): FrontMatterSplit {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) {
        const closeEnd = lineEnd(text, index);
        return {
          format: 'json',
          rawStart: start,
          rawEnd: index + 1,
          bodyStart: afterLineBreak(text, closeEnd),
          error: null,
        };
      }
    }
  }
  return {
    format: 'json',
    rawStart: start,
    rawEnd: start,
    bodyStart: start,
    error: 'The JSON front matter opened on line 1 is never closed.',
  };
}

/** The 1-based line number of `offset` within `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
  }
  return line;
}
