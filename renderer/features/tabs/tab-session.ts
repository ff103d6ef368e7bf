import type { DocumentsModel } from '../../state/document-store';
import { currentTabView, type TabView } from './tab-view-memory';

/** The tabs of a site as the window left them: which posts, which one shown, where each editor was. */
export interface TabSession {
  ids: string[];
  active: string | null;
  views: Record<string, TabView>;
}

const maxTabs = 50;
const storageKey = (root: string): string => `postdesk-tabs:${root}`;

function isView(value: unknown): value is TabView {
  const view = value as TabView | null;
  return (
    typeof view === 'object' &&
    view !== null &&
    [view.anchor, view.head, view.scrollTop].every(
      (n) => typeof n === 'number' && Number.isFinite(n) && n >= 0,
    )
  );
}

/** Reads the saved tabs of the site at `root`; anything malformed reads as no tabs. */
export function readTabSession(root: string): TabSession {
  const empty: TabSession = { ids: [], active: null, views: {} };
  try {
    const saved = JSON.parse(
      globalThis.localStorage?.getItem(storageKey(root)) ?? 'null',
    ) as TabSession | null;
    if (!saved || !Array.isArray(saved.ids)) return empty;
    const ids = saved.ids.filter((id): id is string => typeof id === 'string').slice(0, maxTabs);
    const views: Record<string, TabView> = {};
    for (const id of ids) if (isView(saved.views?.[id])) views[id] = saved.views[id];
    return {
      ids,
      active: typeof saved.active === 'string' && ids.includes(saved.active) ? saved.active : null,
      views,
    };
  } catch {
    return empty;
  }
}

/** Saves the window's tabs for the site at `root`, with the places in `views` and the shown editor's. */
export function saveTabSession(
  documents: DocumentsModel,
  root: string,
  views: ReadonlyMap<string, TabView>,
): void {
  const { order, activeId } = documents.store.get();
  const ids = order.slice(0, maxTabs);
  const session: TabSession = { ids, active: activeId, views: {} };
  for (const id of ids) {
    const view = id === activeId ? (currentTabView() ?? views.get(id)) : views.get(id);
    if (view) session.views[id] = view;
  }
  try {
    globalThis.localStorage?.setItem(storageKey(root), JSON.stringify(session));
  } catch {
    // Storage may be unavailable or full: the tabs are only not restored next time.
  }
}

/**
 * Opens again the tabs saved for the site (those whose post still exists, in their order), shows the
 * one that was shown, and seeds `views` so each editor comes back at its caret and scroll.
 */
export async function restoreTabSession(
  documents: DocumentsModel,
  root: string,
  existing: ReadonlySet<string>,
  views: Map<string, TabView>,
): Promise<void> {
  const session = readTabSession(root);
  const ids = session.ids.filter((id) => existing.has(id));
  for (const id of ids) {
    // Seeded just before its tab opens: the memory forgets places of posts with no tab.
    const view = session.views[id];
    if (view) views.set(id, view);
    await documents.open(id);
  }
  if (session.active !== null && ids.includes(session.active)) documents.activate(session.active);
}
