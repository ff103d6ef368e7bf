/**
 * Dates as front matter writes them, kept in their own format: a date (`2024-05-19`) stays a date,
 * a date-time keeps its separator, seconds, fraction and zone (`2024-05-19T10:00:00+02:00`).
 */

/** The parts of a front matter date or date-time text. */
export interface DateText {
  date: string;
  /** `HH:MM` or null for a plain date. */
  time: string | null;
  /** The text after `HH:MM` (seconds, fraction), e.g. `:00` or `:00.123`. */
  seconds: string;
  /** `T` or a space. */
  separator: string;
  /** `Z`, `+02:00`, or an empty string for a local time. */
  zone: string;
}

const pattern =
  /^(\d{4}-\d{2}-\d{2})(?:([Tt ])(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Reads a date or date-time text; null when it is not one (or names an impossible day). */
export function parseDateText(text: string): DateText | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const [, date, separator, time, seconds, zone] = match;
  if (!isRealDay(date!)) return null;
  if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  return {
    date: date!,
    time: time ?? null,
    seconds: seconds ?? '',
    separator: separator ?? 'T',
    zone: zone ?? '',
  };
}

function isRealDay(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** True when text is a front matter date or date-time. */
export function isDateText(text: string): boolean {
  return parseDateText(text) !== null;
}

/**
 * Writes what a date (`YYYY-MM-DD`) or date-time-local (`YYYY-MM-DDTHH:MM[:SS]`) picker gave in the
 * format of `original`: its separator, its seconds when the picker gave none, and its zone text.
 */
export function formatLikeOriginal(picked: string, original: string): string {
  const before = parseDateText(original);
  const [date, clock] = picked.split('T') as [string, string | undefined];
  if (!before || before.time === null) return clock ? `${date}T${clock}` : date;
  const time = clock ? clock.slice(0, 5) : before.time;
  const seconds = clock && clock.length > 5 ? clock.slice(5) : before.seconds;
  return `${date}${before.separator}${time}${seconds}${before.zone}`;
}

/** The value a picker shows for a date text (`date` or `datetime-local` input value). */
export function pickerValue(text: string): string {
  const parts = parseDateText(text);
  if (!parts) return '';
  return parts.time === null ? parts.date : `${parts.date}T${parts.time}${parts.seconds.slice(0, 3)}`;
}

/** Now, written in the format of `original` (today for a plain date; the same zone text otherwise, or UTC). */
export function nowLike(original: string | null, now: Date = new Date()): string {
  const iso = now.toISOString();
  const parts = original ? parseDateText(original) : null;
  if (parts && parts.time === null) return localDate(now);
  if (!parts) return `${iso.slice(0, 19)}Z`;
  const offsetMinutes = zoneMinutes(parts.zone, now);
  const shifted = new Date(now.getTime() + offsetMinutes * 60_000).toISOString();
  const seconds = parts.seconds ? `:${shifted.slice(17, 19)}` : '';
  return `${shifted.slice(0, 10)}${parts.separator}${shifted.slice(11, 16)}${seconds}${parts.zone}`;
}

function localDate(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function zoneMinutes(zone: string, now: Date): number {
  if (zone === '') return -now.getTimezoneOffset();
  if (zone === 'Z' || zone === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
