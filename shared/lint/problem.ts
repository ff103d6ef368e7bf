/** What a content check found. */
export type ProblemCode =
  | 'mojibake'
  | 'img-alt'
  | 'blank-noopener'
  | 'missing-file'
  | 'duplicate-style'
  | 'empty-title'
  | 'bad-date'
  | 'template-tag';

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

const attributePattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Finds the start tags named `name` (lower case) in `text`, with their attributes; skips comments. */
export function findTags(text: string, name: string): FoundTag[] {
  const found: FoundTag[] = [];
  const pattern = new RegExp(`<${name}(?=[\\s/>])([^>]*)>`, 'gi');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const inner = match[1] ?? '';
    const innerStart = match.index + 1 + name.length;
    const attributes: FoundAttribute[] = [];
    attributePattern.lastIndex = 0;
    for (let attr = attributePattern.exec(inner); attr; attr = attributePattern.exec(inner)) {
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      const quoted = attr[2] !== undefined || attr[3] !== undefined;
      const valueEnd = innerStart + attr.index + attr[0].length - (quoted ? 1 : 0);
      attributes.push({
        name: (attr[1] ?? '').toLowerCase(),
        value,
        valueFrom: valueEnd - value.length,
        valueTo: valueEnd,
      });
    }
    found.push({ name, from: match.index, to: match.index + match[0].length, attributes });
  }
  return found;
}

/** The attribute `name` of a found tag, or undefined. */
export function attributeOf(tag: FoundTag, name: string): FoundAttribute | undefined {
  return tag.attributes.find((attribute) => attribute.name === name);
}
