import type { Layout } from 'react-resizable-panels';

const prefix = 'postdesk-layout';

/** The storage key of one pane group's sizes for one site. */
function keyOf(group: string, siteKey: string): string {
  return `${prefix}:${group}:${siteKey}`;
}

/** The sizes saved for a pane group on a site, or null (none saved, storage unavailable or garbled). */
export function readSavedLayout(group: string, siteKey: string): Layout | null {
  try {
    const raw = localStorage.getItem(keyOf(group, siteKey));
    if (raw === null || raw.length > 2_000) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const layout: Layout = {};
    for (const [id, size] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof size !== 'number' || !Number.isFinite(size) || size < 0 || size > 100) return null;
      layout[id] = size;
    }
    return layout;
  } catch {
    return null;
  }
}

/** Remembers a pane group's sizes for a site (silently kept for the session only if storage fails). */
export function saveLayout(group: string, siteKey: string, layout: Layout): void {
  try {
    localStorage.setItem(keyOf(group, siteKey), JSON.stringify(layout));
  } catch {
    // Storage may be full or unavailable; the sizes still hold in this window.
  }
}
