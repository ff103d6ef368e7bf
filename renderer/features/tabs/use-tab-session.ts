import { useEffect } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { documentsStore } from '../../state/document-store';
import { libraryStore } from '../../state/library-store';
import { restoreTabSession, saveTabSession } from './tab-session';
import type { TabView } from './tab-view-memory';

const saveDelayMs = 300;

/**
 * Keeps the window's tabs across reloads and restarts, per site: once the site's posts are listed,
 * the tabs saved for it open again (caret and scroll too); from then on every tab change, and the
 * page going away, saves them. Nothing is saved for a site before its tabs were restored.
 */
export function useTabSession(api: PostdeskApi, views: Map<string, TabView>): void {
  const root = useStore(libraryStore, (library) => (library.listing ? null : (library.site?.root ?? null)));
  useEffect(() => {
    if (root === null) return;
    let restored = false;
    let timer = 0;
    const save = (): void => {
      window.clearTimeout(timer);
      if (restored && libraryStore.get().site?.root === root) saveTabSession(root, views);
    };
    const later = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, saveDelayMs);
    };
    const existing = new Set(libraryStore.get().posts.map((post) => post.id));
    void restoreTabSession(api, root, existing, views).finally(() => {
      restored = true;
      save();
    });
    const unsubscribe = documentsStore.subscribe(later);
    const offSite = api.on('siteOpened', () => {
      restored = false;
      window.clearTimeout(timer);
    });
    const onHide = (): void => save();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      unsubscribe();
      offSite();
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
    };
  }, [api, root, views]);
}
