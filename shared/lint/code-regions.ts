import { scanTags } from '../render/shortcodes/scan-tags';
import { scanSteps } from './scan-text';

/** A half-open range of offsets `[from, to)` in a checked text. */
export interface TextRange {
  from: number;
  to: number;
}

const fenceLine = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const closingFence = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const listItem = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const indentedCode = /^(?: {4}|\t)/;
/** Shortcodes and Liquid tags whose inside is code, with the name of their closer. */
const codeShortcodes = new Set(['highlight', 'code-toggle', 'code']);
const codeLiquidTags = new Map([
  ['highlight', 'endhighlight'],
  ['raw', 'endraw'],
]);
/** The longest line the line patterns are tried on (a longer line is prose). */
const maxPatternLine = 2000;

/**
 * The code spans of one paragraph `[from, to)`: a run of n backticks up to the next run of exactly
 * n backticks. Each run is looked at once and each length's list is walked forward once: linear.
 */
function codeSpans(text: string, from: number, to: number, out: TextRange[]): void {
  const runs: { at: number; length: number }[] = [];
  for (let at = text.indexOf('`', from); at !== -1 && at < to; at = text.indexOf('`', at)) {
    let end = at;
    while (end < to && text.charCodeAt(end) === 96) end++;
    // A backslash before a run escapes its first backtick.
    const start = at > from && text.charCodeAt(at - 1) === 92 ? at + 1 : at;
    if (end > start) runs.push({ at: start, length: end - start });
    at = end;
  }
  scanSteps.count += to - from;
  if (runs.length < 2) return;
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length);
    if (list) list.push(index);
    else byLength.set(run.length, [index]);
  });
  const pointer = new Map<number, number>();
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const list = byLength.get(run.length)!;
    let next = pointer.get(run.length) ?? 0;
    while (next < list.length && list[next]! <= index) next++;
    pointer.set(run.length, next);
    if (next >= list.length) continue;
    const closer = runs[list[next]!]!;
    out.push({ from: run.at, to: closer.at + closer.length });
    index = list[next]!;
  }
}

/**
 * The Markdown code of a body, in order: fenced blocks (``` or ~~~, at any indent, to their closer
 * or the end), indented code blocks (four spaces or a tab after a blank line, outside lists) and
 * code spans. One pass over the lines.
 */
function markdownCode(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let fence: { char: string; length: number; from: number } | null = null;
  let indented: TextRange | null = null;
  let inList = false;
  let previousBlank = true;
  let paragraph = -1;
  const endParagraph = (at: number): void => {
    if (paragraph !== -1) codeSpans(text, paragraph, at, ranges);
    paragraph = -1;
  };
  for (let lineFrom = 0; lineFrom <= text.length;) {
    const newline = text.indexOf('\n', lineFrom);
    const lineTo = newline === -1 ? text.length : newline;
    const next = newline === -1 ? text.length + 1 : newline + 1;
    const line = lineTo - lineFrom > maxPatternLine ? '' : text.slice(lineFrom, lineTo).replace(/\r$/, '');
    const long = lineTo - lineFrom > maxPatternLine;
    scanSteps.count += lineTo - lineFrom + 1;
    if (fence) {
      const close = closingFence.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        ranges.push({ from: fence.from, to: lineTo });
        fence = null;
      }
      lineFrom = next;
      continue;
    }
    const blank = !long && line.trim() === '';
    if (indented && !blank && !indentedCode.test(line)) {
      ranges.push(indented);
      indented = null;
    }
    if (indented) {
      if (!blank) indented.to = lineTo;
    } else if (blank) {
      endParagraph(lineFrom);
    } else {
      const open = long ? null : fenceLine.exec(line);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        endParagraph(lineFrom);
        fence = { char: open[1]![0]!, length: open[1]!.length, from: lineFrom };
      } else if (!long && previousBlank && paragraph === -1 && !inList && indentedCode.test(line)) {
        indented = { from: lineFrom, to: lineTo };
      } else {
        if (!long && listItem.test(line)) inList = true;
        else if (previousBlank && !/^[ \t]/.test(line)) inList = false;
        if (paragraph === -1) paragraph = lineFrom;
      }
    }
    previousBlank = blank;
    lineFrom = next;
  }
  if (fence) ranges.push({ from: fence.from, to: text.length });
  if (indented) ranges.push(indented);
  endParagraph(text.length);
  return ranges;
}

/** `<pre>` and `<code>` elements (start tag to end tag, any case), in one forward pass per name. */
function htmlCode(text: string): TextRange[] {
  const lower = text.toLowerCase();
  const ranges: TextRange[] = [];
  for (const name of ['pre', 'code']) {
    const closer = `</${name}`;
    for (let at = lower.indexOf(`<${name}`); at !== -1;) {
      const boundary = lower.charCodeAt(at + name.length + 1);
      if (boundary !== 62 && boundary !== 32 && boundary !== 9 && boundary !== 10 && boundary !== 13) {
        at = lower.indexOf(`<${name}`, at + 1);
        continue;
      }
      const end = lower.indexOf(closer, at);
      if (end === -1) break;
      const close = lower.indexOf('>', end);
      const to = close === -1 ? text.length : close + 1;
      ranges.push({ from: at, to });
      at = lower.indexOf(`<${name}`, to);
    }
  }
  scanSteps.count += text.length * 2;
  return ranges;
}

/** The insides of code shortcodes (`{{< highlight >}}…{{< /highlight >}}`, code-toggle) and `{% highlight %}`/`{% raw %}`. */
function templateCode(text: string): TextRange[] {
  if (!text.includes('{{') && !text.includes('{%')) return [];
  const ranges: TextRange[] = [];
  let open: { closer: string; shortcode: boolean; to: number } | null = null;
  for (const tag of scanTags(text, { hugo: true, liquid: true })) {
    if (open) {
      const closes = open.shortcode
        ? tag.kind === 'shortcode' && tag.closing && tag.name === open.closer
        : tag.kind === 'tag' && tag.name === open.closer;
      if (closes) {
        ranges.push({ from: open.to, to: tag.from });
        open = null;
      }
    } else if (tag.kind === 'shortcode' && !tag.closing && !tag.selfClosing && codeShortcodes.has(tag.name)) {
      open = { closer: tag.name, shortcode: true, to: tag.to };
    } else if (tag.kind === 'tag' && codeLiquidTags.has(tag.name)) {
      open = { closer: codeLiquidTags.get(tag.name)!, shortcode: false, to: tag.to };
    }
  }
  return ranges;
}

function merge(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

function blankOut(text: string, ranges: readonly TextRange[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const range of ranges) {
    parts.push(text.slice(at, range.from), text.slice(range.from, range.to).replace(/[^\n]/g, ' '));
    at = range.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Where a body holds code, sorted and disjoint: Markdown fences, indented blocks and code spans
 * (when `markdown`), `<pre>`/`<code>` elements, and the insides of code shortcodes and Liquid
 * highlight/raw blocks. Linear in the text's length.
 */
export function codeRanges(text: string, markdown: boolean): TextRange[] {
  const fromMarkdown = markdown ? markdownCode(text) : [];
  const outside = blankOut(text, merge(fromMarkdown));
  return merge([...fromMarkdown, ...htmlCode(outside), ...templateCode(outside)]);
}

/**
 * The body with every character of its code (codeRanges) replaced by a space and line breaks kept,
 * so that the checks run on it find nothing inside code and keep the body's offsets.
 */
export function maskCode(text: string, markdown: boolean): string {
  return blankOut(text, codeRanges(text, markdown));
}
