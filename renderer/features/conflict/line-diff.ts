/**
 * A small line diff for comparing the file on disk with the user's text: pure functions, no DOM.
 * Common leading and trailing lines are matched first; the rest is aligned by a longest common
 * subsequence (bounded so a huge rewrite degrades to "all changed" instead of freezing the UI).
 */

/** One line of a diff: kept in both, only in the old text, or only in the new text. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** One side of a side-by-side row: the 1-based line number in its text and the line. */
export interface DiffCell {
  line: number;
  text: string;
}

/** One row of a side-by-side view; a side is null where that text has no line. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  left: DiffCell | null;
  right: DiffCell | null;
}

const maxTableCells = 4_000_000;

/** Splits text into lines, keeping "\r" out of the lines ("a\r\nb" and "a\nb" are the same lines). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines of `before` and `after` as a sequence of same / removed / added lines. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const out: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  out.push(...diffMiddle(a.slice(start, endA), b.slice(start, endB)));
  for (let i = endA; i < a.length; i += 1) out.push({ kind: 'same', text: a[i]! });
  return out;
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > maxTableCells) {
    return [
      ...a.map((text): DiffLine => ({ kind: 'removed', text })),
      ...b.map((text): DiffLine => ({ kind: 'added', text })),
    ];
  }
  // lcs[i * (m + 1) + j] = length of the LCS of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ kind: 'removed', text: a[i]! });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j]! });
      j += 1;
    }
  }
  for (; i < n; i += 1) out.push({ kind: 'removed', text: a[i]! });
  for (; j < m; j += 1) out.push({ kind: 'added', text: b[j]! });
  return out;
}

/**
 * Lays a diff out side by side: kept lines face each other, and each run of removed lines faces
 * the run of added lines that replaced it ("changed" rows), the longer run padded with blanks.
 */
export function sideBySide(lines: readonly DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 0;
  let right = 0;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.kind === 'same') {
      left += 1;
      right += 1;
      rows.push({
        kind: 'same',
        left: { line: left, text: line.text },
        right: { line: right, text: line.text },
      });
      index += 1;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (index < lines.length && lines[index]!.kind !== 'same') {
      const next = lines[index]!;
      (next.kind === 'removed' ? removed : added).push(next.text);
      index += 1;
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k += 1) {
      const l = k < removed.length ? { line: (left += 1), text: removed[k]! } : null;
      const r = k < added.length ? { line: (right += 1), text: added[k]! } : null;
      rows.push({ kind: l && r ? 'changed' : l ? 'removed' : 'added', left: l, right: r });
    }
  }
  return rows;
}
