/** The most characters one JSX tag may span for the preview to read it as a tag. */
const maxTagLength = 8_000;
/** The most characters of a component's props shown in its label. */
const maxLabelLength = 200;
/** The most lines one import/export statement may span. */
const maxEsmLines = 200;

/** The class of a component placeholder in the preview, and of its label. */
export const mdxComponentClass = 'pd-mdx-component';
export const mdxLabelClass = 'pd-mdx-label';

interface Tag {
  end: number;
  name: string;
  props: string;
  closing: boolean;
  selfClosing: boolean;
}

/**
 * Turns an MDX body into Markdown the preview can render without running anything: top-level
 * `import`/`export` statements become blank lines, and each JSX component (`<Chart days={3}>`,
 * `<Badge />`, `<>`) becomes a placeholder element labelled with its name and props as escaped
 * text, its children kept as Markdown inside it. Lower-case HTML tags, code fences and code spans
 * are kept as they are. One linear pass; the result still goes through the preview's sanitiser.
 */
export function mdxToMarkdown(body: string): string {
  const out: string[] = [];
  const open: Array<'div' | 'span'> = [];
  let fence: string | null = null;
  let index = 0;
  while (index < body.length) {
    const lineEnd = endOfLine(body, index);
    const line = body.slice(index, lineEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      out.push(body.slice(index, nextLine(body, lineEnd)));
      index = nextLine(body, lineEnd);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      out.push(body.slice(index, nextLine(body, lineEnd)));
      index = nextLine(body, lineEnd);
      continue;
    }
    if (/^(import|export)\b/.test(line)) {
      const end = esmEnd(body, index);
      out.push(body.slice(index, end).replace(/[^\n]/g, ''));
      index = end;
      continue;
    }
    index = convertLine(body, index, lineEnd, out, open);
  }
  while (open.length > 0) out.push(open.pop() === 'div' ? '\n</div>\n' : '</span>');
  return out.join('');
}

/** Converts the JSX tags starting on one line (a tag may run on over later lines); answers where it stopped. */
function convertLine(
  body: string,
  start: number,
  lineEnd: number,
  out: string[],
  open: Array<'div' | 'span'>,
): number {
  let index = start;
  let copied = start;
  let end = lineEnd;
  while (index < end) {
    const char = body[index];
    if (char === '`') {
      const run = /^`+/.exec(body.slice(index, index + 50))?.[0] ?? '`';
      const close = body.indexOf(run, index + run.length);
      index = close === -1 || close > end ? index + run.length : close + run.length;
      continue;
    }
    if (char !== '<') {
      index++;
      continue;
    }
    const tag = readTag(body, index);
    if (tag === null) {
      index++;
      continue;
    }
    const before = body.slice(start, index);
    const tagLineEnd = endOfLine(body, tag.end);
    const block = before.trim() === '' && body.slice(tag.end, tagLineEnd).trim() === '';
    out.push(body.slice(copied, index));
    out.push(placeholder(tag, block, open));
    index = tag.end;
    copied = tag.end;
    if (tag.end > end) end = tagLineEnd;
  }
  const next = nextLine(body, end);
  out.push(body.slice(copied, next));
  return next;
}

function placeholder(tag: Tag, block: boolean, open: Array<'div' | 'span'>): string {
  if (tag.closing) {
    const element = open.pop();
    if (element === undefined) return '';
    return element === 'div' ? '\n</div>\n' : '</span>';
  }
  const element = block ? 'div' : 'span';
  const label = `<${element} class="${mdxLabelClass}">${escapeText(labelOf(tag))}</${element}>`;
  const start = `<${element} class="${mdxComponentClass}">${label}`;
  if (tag.selfClosing) return block ? `${start}</${element}>\n` : `${start}</${element}>`;
  open.push(element);
  return block ? `${start}\n` : start;
}

function labelOf(tag: Tag): string {
  const props = tag.props.replace(/\s+/g, ' ').trim();
  const shown = props.length > maxLabelLength ? `${props.slice(0, maxLabelLength)}…` : props;
  const name = tag.name === '' ? 'Fragment' : tag.name;
  return shown === '' ? name : `${name} ${shown}`;
}

/** Reads a JSX component tag at `start` (`<Name ...>`, `</Name>`, `<Name />`, `<>`, `</>`), or null. */
function readTag(body: string, start: number): Tag | null {
  let index = start + 1;
  const closing = body[index] === '/';
  if (closing) index++;
  const name = /^(?:[A-Z][\w$]*(?:[.:][\w$-]+)*|[a-z][\w$]*(?:\.[\w$-]+)+)?/.exec(
    body.slice(index, index + 200),
  )?.[0];
  if (name === undefined) return null;
  index += name.length;
  if (name === '' && body[index] !== '>') return null;
  const propsStart = index;
  const limit = Math.min(body.length, start + maxTagLength);
  let depth = 0;
  while (index < limit) {
    const char = body[index];
    if (char === '"' || char === "'" || (char === '`' && depth > 0)) {
      const close = body.indexOf(char, index + 1);
      if (close === -1 || close >= limit) return null;
      index = close + 1;
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && char === '<') return null;
    else if (depth === 0 && char === '>') {
      const selfClosing = body[index - 1] === '/';
      const props = body.slice(propsStart, selfClosing ? index - 1 : index);
      if (name !== '' && props !== '' && !/^\s/.test(props)) return null;
      return { end: index + 1, name, props, closing, selfClosing };
    }
    index++;
  }
  return null;
}

/** The end of an import/export statement starting at `start`: brackets balanced and not continued. */
function esmEnd(body: string, start: number): number {
  let index = start;
  let depth = 0;
  for (let lines = 0; lines < maxEsmLines && index < body.length; lines++) {
    const lineEnd = endOfLine(body, index);
    const line = body.slice(index, lineEnd);
    for (const char of line) {
      if (char === '{' || char === '(' || char === '[') depth++;
      else if (char === '}' || char === ')' || char === ']') depth--;
    }
    index = nextLine(body, lineEnd);
    const trimmed = line.trimEnd();
    if (depth <= 0 && !/[,=({[]$|^\s*(import|export)\s*$/.test(trimmed)) break;
  }
  return index;
}

function endOfLine(text: string, from: number): number {
  const index = text.indexOf('\n', from);
  return index === -1 ? text.length : index;
}

function nextLine(text: string, lineEnd: number): number {
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
