import { formatGoLayout } from '../../shared/post/go-layout';

export { formatGoLayout } from '../../shared/post/go-layout';

/** The shapes of front matter dates Postdesk writes, chosen to match a site's existing posts. */
export type DateStyle = 'datetime' | 'date' | 'jekyll';

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
