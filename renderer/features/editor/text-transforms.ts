import type { BodyKind } from '../../../shared/api';

/** A formatting action of the toolbar and its shortcuts. */
export type FormatAction = 'bold' | 'italic' | 'link' | 'heading' | 'list' | 'quote' | 'code' | 'image';

/** The formatting actions in toolbar order. */
export const formatActions: FormatAction[] = [
  'bold',
  'italic',
  'heading',
  'link',
  'image',
  'list',
  'quote',
  'code',
];

/** One replacement of the range [from, to) of the original text by `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** What a formatting action does: changes in the original text's offsets, and the selection after them. */
export interface TextEdit {
  changes: TextChange[];
  /** The selection after the changes, in the new text's offsets. */
  selection: { anchor: number; head: number };
}

/**
 * Computes the edit that applies `action` to the selection [from, to) of `text`, writing Markdown or
 * HTML according to `kind`. Inline actions toggle off when the selection is already wrapped; line
 * actions (heading, list, quote) work on every line the selection touches. Pure: no editor needed.
 */
export function formatEdit(
  action: FormatAction,
  kind: BodyKind,
  text: string,
  from: number,
  to: number,
): TextEdit {
  const start = Math.min(from, to);
  const end = Math.max(from, to);
  const md = kind === 'markdown';
  const selected = text.slice(start, end);
  switch (action) {
    case 'bold':
      return md
        ? wrap(text, start, end, '**', '**', 'bold text')
        : wrap(text, start, end, '<strong>', '</strong>', 'bold text');
    case 'italic':
      return md
        ? wrap(text, start, end, '*', '*', 'italic text')
        : wrap(text, start, end, '<em>', '</em>', 'italic text');
    case 'code':
      if (selected.includes('\n')) {
        const [lineFrom, lineTo] = lineRange(text, start, end);
        const block = text.slice(lineFrom, lineTo);
        const insert = md ? `\`\`\`\n${block}\n\`\`\`` : `<pre><code>${block}</code></pre>`;
        return replaceSelecting(lineFrom, lineTo, insert, md ? 4 : 11, block.length);
      }
      return md
        ? wrap(text, start, end, '`', '`', 'code')
        : wrap(text, start, end, '<code>', '</code>', 'code');
    case 'link':
      return link(md, selected, start, end);
    case 'image':
      return image(md, selected, start, end);
    case 'heading':
      return md ? mdHeading(text, start, end) : htmlLineWrap(text, start, end, 'h2');
    case 'list':
      return md ? prefixLines(text, start, end, '- ', /^(\s*)[-*+] /) : htmlList(text, start, end);
    case 'quote':
      return md
        ? prefixLines(text, start, end, '> ', /^(\s*)> ?/)
        : htmlLineWrap(text, start, end, 'blockquote');
  }
}

function replaceSelecting(
  from: number,
  to: number,
  insert: string,
  selectFrom: number,
  selectLength: number,
): TextEdit {
  return {
    changes: [{ from, to, insert }],
    selection: { anchor: from + selectFrom, head: from + selectFrom + selectLength },
  };
}

function wrap(
  text: string,
  from: number,
  to: number,
  open: string,
  close: string,
  placeholder: string,
): TextEdit {
  const before = text.slice(Math.max(0, from - open.length), from);
  const after = text.slice(to, to + close.length);
  if (
    from !== to &&
    before === open &&
    after === close &&
    !(open === '*' && text[from - 2] === '*' && text[to + 1] === '*')
  ) {
    return {
      changes: [
        { from: from - open.length, to: from, insert: '' },
        { from: to, to: to + close.length, insert: '' },
      ],
      selection: { anchor: from - open.length, head: to - open.length },
    };
  }
  const inner = text.slice(from, to);
  if (inner.length > open.length + close.length && inner.startsWith(open) && inner.endsWith(close)) {
    const stripped = inner.slice(open.length, inner.length - close.length);
    return replaceSelecting(from, to, stripped, 0, stripped.length);
  }
  const content = inner === '' ? placeholder : inner;
  return replaceSelecting(from, to, `${open}${content}${close}`, open.length, content.length);
}

const urlLike = /^(https?:\/\/|\/|\.\/|mailto:)\S*$/i;

function link(md: boolean, selected: string, from: number, to: number): TextEdit {
  const isUrl = urlLike.test(selected);
  const label = isUrl || selected === '' ? 'link text' : selected;
  const url = isUrl ? selected : 'https://';
  if (md) {
    const insert = `[${label}](${url})`;
    return isUrl || selected === ''
      ? replaceSelecting(from, to, insert, 1, label.length)
      : replaceSelecting(from, to, insert, label.length + 3, url.length);
  }
  const open = `<a href="${url}">`;
  const insert = `${open}${label}</a>`;
  return isUrl || selected === ''
    ? replaceSelecting(from, to, insert, open.length, label.length)
    : replaceSelecting(from, to, insert, 9, url.length);
}

function image(md: boolean, selected: string, from: number, to: number): TextEdit {
  const isUrl = urlLike.test(selected);
  const alt = isUrl || selected === '' ? 'description' : selected;
  const src = isUrl ? selected : '/images/';
  if (md) {
    const insert = `![${alt}](${src})`;
    return isUrl
      ? replaceSelecting(from, to, insert, 2, alt.length)
      : replaceSelecting(from, to, insert, alt.length + 4, src.length);
  }
  const insert = `<img src="${src}" alt="${alt}">`;
  return isUrl
    ? replaceSelecting(from, to, insert, src.length + 17, alt.length)
    : replaceSelecting(from, to, insert, 10, src.length);
}

/** The start of the first line and the end of the last line the range [from, to) touches. */
function lineRange(text: string, from: number, to: number): [number, number] {
  const lineFrom = text.lastIndexOf('\n', from - 1) + 1;
  const last = to > from && text[to - 1] === '\n' ? to - 1 : to;
  const newline = text.indexOf('\n', last);
  return [lineFrom, newline === -1 ? text.length : newline];
}

function mdHeading(text: string, from: number, to: number): TextEdit {
  const [lineFrom, lineTo] = lineRange(text, from, to);
  const line = text.slice(lineFrom, lineTo);
  const match = /^(#{1,6}) /.exec(line);
  let replaced: string;
  if (!match) replaced = `## ${line}`;
  else if ((match[1] ?? '').length >= 6) replaced = line.slice(match[0].length);
  else replaced = `#${line}`;
  const delta = replaced.length - line.length;
  return {
    changes: [{ from: lineFrom, to: lineTo, insert: replaced }],
    selection: { anchor: Math.max(lineFrom, from + delta), head: Math.max(lineFrom, to + delta) },
  };
}

function prefixLines(text: string, from: number, to: number, prefix: string, existing: RegExp): TextEdit {
  const [lineFrom, lineTo] = lineRange(text, from, to);
  const lines = text.slice(lineFrom, lineTo).split('\n');
  const all =
    lines.some((line) => line.trim() !== '') &&
    lines.every((line) => line.trim() === '' || existing.test(line));
  const next = lines.map((line) => {
    if (all) return line.replace(existing, '$1');
    return line.trim() === '' && lines.length > 1 ? line : `${prefix}${line}`;
  });
  const insert = next.join('\n');
  return {
    changes: [{ from: lineFrom, to: lineTo, insert }],
    selection: { anchor: lineFrom + insert.length, head: lineFrom + insert.length },
  };
}

function htmlLineWrap(text: string, from: number, to: number, tag: string): TextEdit {
  const [lineFrom, lineTo] = lineRange(text, from, to);
  const block = text.slice(lineFrom, lineTo);
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  const trimmed = block.trim();
  if (trimmed.startsWith(open) && trimmed.endsWith(close)) {
    const inner = trimmed.slice(open.length, trimmed.length - close.length);
    return replaceSelecting(lineFrom, lineTo, inner, 0, inner.length);
  }
  const inner = block.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
  const content = inner === '' ? (tag === 'h2' ? 'Heading' : 'Quote') : inner;
  return replaceSelecting(lineFrom, lineTo, `${open}${content}${close}`, open.length, content.length);
}

function htmlList(text: string, from: number, to: number): TextEdit {
  const [lineFrom, lineTo] = lineRange(text, from, to);
  const lines = text
    .slice(lineFrom, lineTo)
    .split('\n')
    .filter((line) => line.trim() !== '');
  const items = (lines.length === 0 ? ['Item'] : lines).map((line) => `  <li>${line.trim()}</li>`);
  const insert = `<ul>\n${items.join('\n')}\n</ul>`;
  return {
    changes: [{ from: lineFrom, to: lineTo, insert }],
    selection: { anchor: lineFrom + insert.length, head: lineFrom + insert.length },
  };
}
