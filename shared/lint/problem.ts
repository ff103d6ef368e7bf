import { isSpaceCode, NextChar, scanSteps } from './scan-text';

/** What a content check found. */
export type ProblemCode =
  | 'mojibake'
  | 'img-alt'
  | 'blank-noopener'
  | 'missing-file'
  | 'duplicate-style'
  | 'empty-title'
  | 'bad-date'
  | 'template-tag'
  | 'broken-anchor';

/** One replacement that fixes a problem, in the offsets of the text that was checked. */
export interface ProblemChange {
  from: number;
  to: number;
  insert: string;
}

/** A problem of a post: where it is (offsets into the checked text), how bad, and maybe a one-click fix. */
export interface Problem {
  code: ProblemCode;
  from: number;
  to: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix?: { label: string; changes: ProblemChange[] };
}

/** One HTML start tag found in a text: its name, where it is, and its attributes as written. */
export interface FoundTag {
  name: string;
  from: number;
  to: number;
  attributes: FoundAttribute[];
}

/** One attribute of a start tag, with the offsets of its value (inside the quotes). */
export interface FoundAttribute {
  name: string;
  value: string;
  valueFrom: number;
  valueTo: number;
}

/** A character that may be part of an attribute name (`[^\s"'<>/=]`). */
function isNameCode(code: number): boolean {
  return (
    !isSpaceCode(code) &&
    code !== 34 &&
    code !== 39 &&
    code !== 60 &&
    code !== 62 &&
    code !== 47 &&
    code !== 61
  );
}

/** A character of an unquoted attribute value (`[^\s"'=<>\`]`). */
function isBareValueCode(code: number): boolean {
  return (
    !isSpaceCode(code) &&
    code !== 34 &&
    code !== 39 &&
    code !== 61 &&
    code !== 60 &&
    code !== 62 &&
    code !== 96
  );
}

/**
 * The attributes written between `from` and `to` (a start tag's inside, which holds no `>`), read
 * in one forward pass: `name`, `name=value`, `name="value"`, `name='value'`; a quote that never
 * closes leaves the name without a value, as an attribute regex would.
 */
function readAttributes(text: string, from: number, to: number, quotes: NextChar[]): FoundAttribute[] {
  const [double, single] = quotes as [NextChar, NextChar];
  const attributes: FoundAttribute[] = [];
  let index = from;
  while (index < to) {
    scanSteps.count++;
    if (!isNameCode(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const nameFrom = index;
    while (index < to && isNameCode(text.charCodeAt(index))) index++;
    scanSteps.count += index - nameFrom;
    const name = text.slice(nameFrom, index).toLowerCase();
    let probe = index;
    while (probe < to && isSpaceCode(text.charCodeAt(probe))) probe++;
    let attribute: FoundAttribute = { name, value: '', valueFrom: index, valueTo: index };
    if (probe < to && text.charCodeAt(probe) === 61) {
      probe++;
      while (probe < to && isSpaceCode(text.charCodeAt(probe))) probe++;
      scanSteps.count += probe - index;
      const code = probe < to ? text.charCodeAt(probe) : -1;
      if (code === 34 || code === 39) {
        const close = (code === 34 ? double : single).from(probe + 1);
        if (close !== -1 && close < to) {
          attribute = { name, value: text.slice(probe + 1, close), valueFrom: probe + 1, valueTo: close };
          index = close + 1;
        }
      } else if (code !== -1 && isBareValueCode(code)) {
        let end = probe;
        while (end < to && isBareValueCode(text.charCodeAt(end))) end++;
        scanSteps.count += end - probe;
        attribute = { name, value: text.slice(probe, end), valueFrom: probe, valueTo: end };
        index = end;
      }
    }
    attributes.push(attribute);
  }
  return attributes;
}

/**
 * Finds the start tags named `name` (lower case) in `text`, with their attributes: `<name` followed
 * by a space, `/` or `>`, up to the next `>`. One forward pass, O(length) whatever the text.
 */
export function findTags(text: string, name: string): FoundTag[] {
  const found: FoundTag[] = [];
  const lessThan = new NextChar(text, '<');
  const greaterThan = new NextChar(text, '>');
  const quotes = [new NextChar(text, '"'), new NextChar(text, "'")];
  const after = name.length + 1;
  for (let from = lessThan.from(0); from !== -1;) {
    const boundary = from + after < text.length ? text.charCodeAt(from + after) : -1;
    const named =
      boundary !== -1 &&
      (isSpaceCode(boundary) || boundary === 47 || boundary === 62) &&
      text.slice(from + 1, from + after).toLowerCase() === name;
    scanSteps.count += after;
    if (!named) {
      from = lessThan.from(from + 1);
      continue;
    }
    const close = greaterThan.from(from + after);
    // No `>` is left: no later tag can close either.
    if (close === -1) break;
    const attributes = readAttributes(text, from + after, close, quotes);
    found.push({ name, from, to: close + 1, attributes });
    from = lessThan.from(close + 1);
  }
  return found;
}

/** The attribute `name` of a found tag, or undefined. */
export function attributeOf(tag: FoundTag, name: string): FoundAttribute | undefined {
  return tag.attributes.find((attribute) => attribute.name === name);
}
