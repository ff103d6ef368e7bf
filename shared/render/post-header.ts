import { dayNames, formatGoLayout, monthNames, pad } from '../post/go-layout';

/** What a blog theme shows above a post, read from its front matter (every text bounded, never HTML). */
export interface PostHeader {
  title: string | null;
  /** The post's date as written (`YYYY-MM-DD`) and as the site shows it. */
  date: { iso: string; text: string } | null;
  authors: string[];
  /** The cover/hero/featured image's URL as written (the preview resolves it to a site file). */
  image: string | null;
  description: string | null;
}

const maxText = 500;
const maxAuthors = 10;
/** The default of most themes (Hugo's `:date_long`-like, minima's `%b %-d, %Y` spelled out). */
export const defaultDateLayout = 'January 2, 2006';

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, maxText);
}

/** A date's calendar day as written: a YAML/TOML date (UTC) or a `YYYY-MM-DD...` string. */
function calendarDay(value: unknown): { year: number; month: number; day: number } | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/**
 * Formats a calendar day with a Go layout (`Jan 2, 2006`, `2006-01-02`, `Monday, January 2, 2006`)
 * or a strftime format (`%b %-d, %Y`, Jekyll's); other characters are kept. One pass over the layout.
 */
export function formatDay(day: { year: number; month: number; day: number }, layout: string): string {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  const month = monthNames[day.month - 1]!;
  const weekdayName = dayNames[weekday]!;
  if (layout.includes('%')) {
    const codes: Record<string, string> = {
      Y: String(day.year),
      y: pad(day.year % 100),
      B: month,
      b: month.slice(0, 3),
      m: pad(day.month),
      '-m': String(day.month),
      d: pad(day.day),
      '-d': String(day.day),
      e: String(day.day).padStart(2, ' '),
      A: weekdayName,
      a: weekdayName.slice(0, 3),
      '%': '%',
    };
    return layout.slice(0, 100).replace(/%(-?[a-zA-Z%])/g, (all, code: string) => codes[code] ?? all);
  }
  const date = new Date(2000, 0, 1);
  date.setFullYear(day.year, day.month - 1, day.day);
  return formatGoLayout(date, layout.slice(0, 100));
}

/** The date layout a site names (Hugo `params.dateFormat`, Jekyll `date_format` or `minima.date_format`). */
export function siteDateLayout(params: Record<string, unknown>): string {
  const minima = params.minima;
  const candidates = [
    params.dateFormat,
    params.dateformat,
    params.DateFormat,
    params.date_format,
    typeof minima === 'object' && minima !== null
      ? (minima as Record<string, unknown>).date_format
      : undefined,
  ];
  return candidates.map(text).find((value) => value !== null) ?? defaultDateLayout;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value.slice(0, maxAuthors) : [value];
  return list
    .map((item) =>
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? text((item as Record<string, unknown>).name ?? (item as Record<string, unknown>).title)
        : text(item),
    )
    .filter((name): name is string => name !== null);
}

function imageOf(value: unknown): string | null {
  if (Array.isArray(value)) return imageOf(value[0]);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return text(record.image ?? record.src ?? record.url);
  }
  return text(value);
}

/**
 * The header a blog theme renders from a post's front matter: title, date (in the site's layout),
 * authors (`author`, `authors`, as names or `{name}`), the cover/hero/featured image and the
 * description (or summary). `params` are the site's (for its date layout).
 */
export function postHeader(page: Record<string, unknown>, params: Record<string, unknown> = {}): PostHeader {
  const dated = calendarDay(page.date ?? page.publishDate ?? page.pubDate ?? page.pubdate);
  const image = [
    'cover',
    'hero',
    'heroImage',
    'featured_image',
    'featuredImage',
    'featured',
    'image',
    'images',
    'thumbnail',
  ]
    .map((key) => imageOf(page[key]))
    .find((value) => value !== null);
  const authors = names(page.authors ?? page.author);
  return {
    title: text(page.title),
    date: dated
      ? {
          iso: `${dated.year}-${pad(dated.month)}-${pad(dated.day)}`,
          text: formatDay(dated, siteDateLayout(params)),
        }
      : null,
    authors,
    image: image ?? null,
    description: text(page.description ?? page.summary),
  };
}
