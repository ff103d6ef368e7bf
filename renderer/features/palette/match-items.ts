/** One row a palette can show. */
export interface PaletteItem {
  key: string;
  label: string;
  detail?: string;
}

/**
 * The items whose label or detail contains every word of `query` (case-insensitive), those whose
 * label starts with the query first; all items for an empty query.
 */
export function matchItems<T extends PaletteItem>(items: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  const wanted = items.filter((item) => {
    const text = `${item.label} ${item.detail ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const start = query.trim().toLowerCase();
  return wanted.sort(
    (a, b) =>
      Number(b.label.toLowerCase().startsWith(start)) - Number(a.label.toLowerCase().startsWith(start)),
  );
}
