/** How many container markers (`>`, list bullets) one line may open before marked sees it. */
export const maxMarkdownNesting = 16;
/** How far a line may be indented (in columns) before marked sees it. */
const maxIndent = 4 * maxMarkdownNesting;

/**
 * Bounds how deeply a Markdown body nests before marked parses it (marked recurses once per
 * level: thousands of `>` or nested list levels overflow its stack and the preview goes blank, and
 * each level re-reads the text below it): a line's container markers (`>`, `-`, `*`, `+`, `1.`) past
 * the limit are dropped and its indentation is capped. Lines and their count are kept (a line
 * changes only where it nests too deep), so line numbers stay right. One pass, O(length).
 */
export function boundMarkdownNesting(body: string): string {
  let out = '';
  let kept = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const cut = overNested(body, lineStart, lineEnd);
    if (cut !== null) {
      out += body.slice(kept, cut.from) + cut.insert;
      kept = cut.to;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return kept === 0 ? body : out + body.slice(kept);
}

/** Where a line nests too deep: the part to replace (its prefix of markers) and the bounded prefix, else null. */
function overNested(
  text: string,
  from: number,
  to: number,
): { from: number; to: number; insert: string } | null {
  let at = from;
  let markers = 0;
  let column = 0;
  let prefix = '';
  let changed = false;
  while (at < to) {
    const code = text.charCodeAt(at);
    if (code === 32 || code === 9) {
      const runStart = at;
      const startColumn = column;
      while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) {
        column += text.charCodeAt(at) === 9 ? 4 - (column % 4) : 1;
        at++;
      }
      if (markers > maxMarkdownNesting) {
        changed = true;
        continue;
      }
      if (column > maxIndent) {
        changed = true;
        prefix += ' '.repeat(Math.max(1, maxIndent - startColumn));
        column = Math.max(startColumn + 1, maxIndent);
      } else prefix += text.slice(runStart, at);
      continue;
    }
    let end = -1;
    if (code === 62) end = at + 1;
    else if ((code === 45 || code === 42 || code === 43) && isBlank(text.charCodeAt(at + 1))) end = at + 1;
    else if (code >= 48 && code <= 57) {
      let digit = at;
      while (digit < to && digit - at < 9 && text.charCodeAt(digit) >= 48 && text.charCodeAt(digit) <= 57)
        digit++;
      const mark = text.charCodeAt(digit);
      if ((mark === 46 || mark === 41) && isBlank(text.charCodeAt(digit + 1))) end = digit + 1;
    }
    if (end === -1) break;
    markers++;
    column += end - at;
    if (markers <= maxMarkdownNesting) prefix += text.slice(at, end);
    else changed = true;
    at = end;
  }
  if (!changed) return null;
  if (markers > maxMarkdownNesting && at < to) prefix += ' ';
  return { from, to: at, insert: prefix };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || Number.isNaN(code);
}
