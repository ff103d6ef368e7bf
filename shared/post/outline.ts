import type { BodyKind } from '../api';

/** One heading of a post's body. */
export interface OutlineHeading {
  /** 1 to 6. */
  level: number;
  /** The heading's text, without markup. */
  text: string;
  /** The body line it starts on (1-based, as the body editor numbers lines). */
  line: number;
  /** Offset of the heading's first character in the body. */
  offset: number;
}

/** At most this many headings are listed (a hostile post cannot make the panel huge). */
export const maxOutlineHeadings = 2000;

function stripTags(html: string): string {
  let text = '';
  let inTag = false;
  for (const char of html) {
    if (char === '<') inTag = true;
    else if (char === '>' && inTag) inTag = false;
    else if (!inTag) text += char;
  }
  return text;
}

/** A heading's text is cut to this many characters before it is cleaned (a hostile post's line). */
const maxHeadingText = 300;

function cleanInline(text: string): string {
  return stripTags(text.slice(0, maxHeadingText))
    .replace(/[*_`~]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function lineNumberAt(body: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let index = from.offset; index < offset; index++) if (body.charCodeAt(index) === 10) line++;
  from.offset = offset;
  from.line = line;
  return line;
}

/** The text of an ATX heading line after its `#`s, without the closing `#`s (no backtracking). */
function atxText(rest: string): string {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || rest[hashes - 1] === ' ' || rest[hashes - 1] === '\t')) end = hashes;
  return rest.slice(0, end);
}

function markdownOutline(body: string): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  let fence: string | null = null;
  let previous: { text: string; line: number; offset: number } | null = null;
  let offset = 0;
  let line = 1;
  while (offset <= body.length && headings.length < maxOutlineHeadings) {
    const newline = body.indexOf('\n', offset);
    const end = newline === -1 ? body.length : newline;
    const text = body.slice(offset, end).replace(/\r$/, '');
    const trimmed = text.trimStart();
    const indent = text.length - trimmed.length;
    const fenceMatch = indent < 4 ? /^(`{3,}|~{3,})/.exec(trimmed) : null;
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      previous = null;
    } else if (fenceMatch) {
      fence = fenceMatch[1]!;
      previous = null;
    } else if (indent < 4 && trimmed.startsWith('#')) {
      let level = 0;
      while (level < trimmed.length && trimmed[level] === '#') level++;
      const after = trimmed[level];
      if (level <= 6 && (after === undefined || after === ' ' || after === '\t')) {
        headings.push({
          level,
          text: cleanInline(atxText(trimmed.slice(level))),
          line,
          offset: offset + indent,
        });
      }
      previous = null;
    } else if (indent < 4 && previous !== null && /^(=+|-+)[ \t]*$/.test(trimmed)) {
      headings.push({
        level: trimmed[0] === '=' ? 1 : 2,
        text: cleanInline(previous.text),
        line: previous.line,
        offset: previous.offset,
      });
      previous = null;
    } else {
      previous = trimmed === '' ? null : { text: trimmed, line, offset: offset + indent };
    }
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  return headings;
}

function htmlOutline(body: string): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  const lines = { offset: 0, line: 1 };
  const lower = body.toLowerCase();
  let at = lower.indexOf('<h');
  while (at !== -1 && headings.length < maxOutlineHeadings) {
    const level = Number(lower[at + 2]);
    const next = lower[at + 3];
    if (
      level >= 1 &&
      level <= 6 &&
      (next === '>' || next === ' ' || next === '\t' || next === '\n' || next === '/')
    ) {
      const open = lower.indexOf('>', at);
      const close = open === -1 ? -1 : lower.indexOf(`</h${level}`, open);
      if (close === -1) break;
      headings.push({
        level,
        text: cleanInline(body.slice(open + 1, close)),
        line: lineNumberAt(body, at, lines),
        offset: at,
      });
      at = lower.indexOf('<h', close + 4);
    } else {
      at = lower.indexOf('<h', at + 2);
    }
  }
  return headings;
}

/**
 * The headings of a post's body in order: Markdown ATX (`## Title`) and setext headings outside
 * fenced code, and HTML `<h1>`-`<h6>` (in HTML bodies, and in Markdown ones too), each with its body
 * line and offset. One pass over the text; at most `maxOutlineHeadings`.
 */
export function postOutline(body: string, kind: BodyKind): OutlineHeading[] {
  if (kind === 'html') return htmlOutline(body);
  const markdown = markdownOutline(body);
  if (!body.includes('<h') && !body.includes('<H')) return markdown;
  const html = htmlOutline(body).filter(
    (heading) => !markdown.some((other) => other.offset === heading.offset),
  );
  return [...markdown, ...html].sort((a, b) => a.offset - b.offset).slice(0, maxOutlineHeadings);
}

/** The index of the heading whose section holds body line `line`, or -1 before the first heading. */
export function headingAtLine(headings: readonly OutlineHeading[], line: number): number {
  let found = -1;
  for (let index = 0; index < headings.length && headings[index]!.line <= line; index++) found = index;
  return found;
}
