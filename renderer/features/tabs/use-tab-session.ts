import { useEffect } from 'react';
import type { AppState } from '../../state/app-state';
import { batchEvents } from '../../state/batch-events';
import { useStore } from '../../state/create-store';
import { restoreTabSession, saveTabSession } from './tab-session';
import type { TabView } from './tab-view-memory';

const saveDelayMs = 300;

/**
 * Keeps the window's tabs across reloads and restarts, per site: once the site's posts are listed,
 * the tabs saved for it open again (caret and scroll too); from then on every tab change, and the
 * page going away, saves them. Nothing is saved for a site before its tabs were restored.
 */
export function useTabSession(app: AppState, views: Map<string, TabView>): void {
  const { api, documents, library } = app;
  const libraryStore = library.store;
  const root = useStore(libraryStore, (library) => (library.listing ? null : (library.site?.root ?? null)));
  useEffect(() => {
    if (root === null) return;
    let restored = false;
    const save = (): void => {
      later.cancel();
      if (restored && libraryStore.get().site?.root === root) saveTabSession(documents, root, views);
    };
    // Tab changes are saved together once they pause (a restore opening ten tabs saves once).
    const later = batchEvents<null>(save, saveDelayMs, { untilQuiet: true });
    const existing = new Set(libraryStore.get().posts.map((post) => post.id));
    void restoreTabSession(documents, root, existing, views).finally(() => {
      restored = true;
      save();
    });
    const unsubscribe = documents.store.subscribe(() => later(null));
    const offSite = api.on('siteOpened', () => {
      restored = false;
      later.cancel();
    });
    const onHide = (): void => save();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      unsubscribe();
      offSite();
      later.cancel();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
    };
  }, [api, documents, libraryStore, root, views]);
}
