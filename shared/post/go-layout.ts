/** The English month names, January first, as Go layouts and strftime formats spell them. */
export const monthNames = [
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
] as const;
/** The English weekday names, Sunday first (Date#getDay order). */
export const dayNames = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Pads a number's digits to `width` (two by default). */
export const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');

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
  const tokens: Array<[string, () => string]> = [
    ['2006', () => String(date.getFullYear())],
    ['January', () => monthNames[date.getMonth()] ?? ''],
    ['Jan', () => (monthNames[date.getMonth()] ?? '').slice(0, 3)],
    ['Monday', () => dayNames[date.getDay()] ?? ''],
    ['Mon', () => (dayNames[date.getDay()] ?? '').slice(0, 3)],
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
    ['_2', () => String(date.getDate()).padStart(2, ' ')],
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
