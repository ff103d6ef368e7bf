/** The shapes of front matter dates Postdesk writes, chosen to match a site's existing posts. */
export type DateStyle = 'datetime' | 'date' | 'jekyll';

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');

function offset(date: Date, separator: string): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}${separator}${pad(Math.abs(minutes) % 60)}`;
}

/**
 * Formats `date` with a Go time layout as Hugo templates use (`2006-01-02T15:04:05Z07:00`,
 * `Jan 2, 2006`...), in local time; the common layout tokens are supported.
 */
export function formatGoLayout(date: Date, layout: string): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const tokens: Array<[string, () => string]> = [
    ['2006', () => String(date.getFullYear())],
    ['January', () => months[date.getMonth()] ?? ''],
    ['Jan', () => (months[date.getMonth()] ?? '').slice(0, 3)],
    ['Monday', () => days[date.getDay()] ?? ''],
    ['Mon', () => (days[date.getDay()] ?? '').slice(0, 3)],
    ['Z07:00', () => (date.getTimezoneOffset() === 0 ? 'Z' : offset(date, ':'))],
    ['-07:00', () => offset(date, ':')],
    ['-0700', () => offset(date, '')],
    ['MST', () => (date.getTimezoneOffset() === 0 ? 'UTC' : offset(date, ''))],
    ['01', () => pad(date.getMonth() + 1)],
    ['02', () => pad(date.getDate())],
    ['15', () => pad(date.getHours())],
    ['03', () => pad(date.getHours() % 12 || 12)],
    ['04', () => pad(date.getMinutes())],
    ['05', () => pad(date.getSeconds())],
    ['06', () => pad(date.getFullYear() % 100)],
    ['PM', () => (date.getHours() < 12 ? 'AM' : 'PM')],
    ['1', () => String(date.getMonth() + 1)],
    ['2', () => String(date.getDate())],
    ['3', () => String(date.getHours() % 12 || 12)],
  ];
  let out = '';
  for (let index = 0; index < layout.length;) {
    const token = tokens.find(([name]) => layout.startsWith(name, index));
    if (token) {
      out += token[1]();
      index += token[0].length;
    } else {
      out += layout[index];
      index++;
    }
  }
  return out;
}

/** `date` as Hugo writes `.Date` in archetypes (RFC 3339 with the local offset). */
export function hugoDate(date: Date): string {
  return formatGoLayout(date, '2006-01-02T15:04:05-07:00');
}

/** `date` in the given style: RFC 3339, a plain `YYYY-MM-DD`, or Jekyll's `YYYY-MM-DD HH:MM:SS +0000`. */
export function formatDate(date: Date, style: DateStyle): string {
  if (style === 'date') return formatGoLayout(date, '2006-01-02');
  if (style === 'jekyll') return formatGoLayout(date, '2006-01-02 15:04:05 -0700');
  return hugoDate(date);
}

/** Guesses the date style of a site from the date strings its posts already hold (most common wins; ties go to `fallback`). */
export function dateStyleOf(dates: Array<string | null>, fallback: DateStyle): DateStyle {
  const counts: Record<DateStyle, number> = { datetime: 0, date: 0, jekyll: 0 };
  for (const value of dates) {
    if (!value) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) counts.date++;
    else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?( [+-]\d{4})?$/.test(value)) counts.jekyll++;
    else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) counts.datetime++;
  }
  const best =
    (Object.keys(counts) as DateStyle[]).sort(
      (a, b) => counts[b] - counts[a] || Number(b === fallback) - Number(a === fallback),
    )[0] ?? fallback;
  return counts[best] > 0 ? best : fallback;
}
