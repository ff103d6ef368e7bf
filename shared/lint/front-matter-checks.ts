import { parseFrontMatter } from '../post/parse-front-matter';
import { splitFrontMatter } from '../post/split-front-matter';
import { checkMojibake } from './mojibake';
import type { Problem } from './problem';

const dateKeys = ['date', 'lastmod', 'publishdate', 'expirydate', 'pubdate', 'updated'];
const isoLike =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/i;

/** True when a front matter date value is one a generator can read (a date, or an ISO-style string). */
export function isReadableDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  const match = isoLike.exec(value.trim());
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return (
    calendar.getUTCMonth() === (month ?? 1) - 1 &&
    calendar.getUTCDate() === day &&
    (hour === undefined || Number.isNaN(hour) || hour < 24) &&
    (minute === undefined || Number.isNaN(minute) || minute < 60) &&
    (second === undefined || Number.isNaN(second) || second < 61)
  );
}

/**
 * Checks a post's front matter: an empty or missing title, date fields (date, lastmod,
 * publishDate, expiryDate...) that cannot be read as dates, and garbled text (mojibake) in any
 * value, with its fix. Offsets are into the whole post text. `data`, when the caller already
 * parsed the block, is used instead of parsing it again.
 */
export function checkFrontMatter(text: string, data?: Record<string, unknown>): Problem[] {
  const split = splitFrontMatter(text);
  if (split.format === null || split.error) return [];
  const raw = text.slice(split.rawStart, split.rawEnd);
  const parsed = data ? { ok: true as const, data } : parseFrontMatter(raw, split.format);
  if (!parsed.ok) return [];
  const problems: Problem[] = checkMojibake(raw).map((problem) => ({
    ...problem,
    from: problem.from + split.rawStart,
    to: problem.to + split.rawStart,
    ...(problem.fix
      ? {
          fix: {
            label: problem.fix.label,
            changes: problem.fix.changes.map((change) => ({
              ...change,
              from: change.from + split.rawStart,
              to: change.to + split.rawStart,
            })),
          },
        }
      : {}),
  }));
  const where = (key: string): { from: number; to: number } => {
    const pattern = new RegExp(`^[ \\t]*["']?${key}["']?[ \\t]*[:=]`, 'mi');
    const match = pattern.exec(raw);
    if (!match) return { from: split.rawStart, to: split.rawStart };
    const lineEnd = raw.indexOf('\n', match.index);
    return {
      from: split.rawStart + match.index,
      to: split.rawStart + (lineEnd === -1 ? raw.length : lineEnd),
    };
  };
  const title = parsed.data.title;
  if (title === undefined || title === null || (typeof title === 'string' && title.trim() === '')) {
    problems.push({
      code: 'empty-title',
      ...where('title'),
      severity: 'error',
      message: 'The post has no title.',
    });
  }
  for (const [key, value] of Object.entries(parsed.data)) {
    if (!dateKeys.includes(key.toLowerCase()) || value === '' || value === null) continue;
    if (isReadableDate(value)) continue;
    problems.push({
      code: 'bad-date',
      ...where(key),
      severity: 'error',
      message: `${key} "${String(value)}" is not a date the site generator can read (use 2024-05-19 or 2024-05-19T10:30:00Z).`,
    });
  }
  return problems.sort((a, b) => a.from - b.from);
}
