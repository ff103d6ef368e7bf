import { useStore } from '../../state/create-store';
import { createStore, type Store } from '../../state/create-store';
import { batchEvents } from '../../state/batch-events';
import type { PostdeskApi } from '../../../shared/api';
import type { DocumentsModel } from '../../state/document-store';
import type { LibraryModel } from '../../state/library-store';
import { useAppState } from '../../state/app-state-context';
import { createAutoPublish, type AutoPublishModel } from './auto-publish';
import type { GitFileState, GitStatus } from '../../../shared/api-git';

/** What the window knows of the site's repository: the last status, and whether one is being read. */
export interface GitState {
  status: GitStatus | null;
  /** Site-relative id -> how the file differs from HEAD (files inside the site only). */
  states: ReadonlyMap<string, GitFileState>;
  /** The ids of posts new or modified against HEAD (for the "Changed" filter). */
  changedIds: ReadonlySet<string>;
  error: string | null;
}

/** The repository state of the open site, refreshed after saves and disk changes. */
export interface GitModel {
  store: Store<GitState>;
  /** "Commit and push on save" for the open site. */
  autoPublish: AutoPublishModel;
  /** Reads the status now (one call at a time; a call during a read runs once more after it). */
  refresh(): Promise<void>;
  /**
   * Keeps the store fresh: reads the status now, then again a short while after each change on
   * disk (once the changes pause, so a pull touching many posts reads it once). Answers the
   * unsubscribe function.
   */
  watch(delayMs?: number): () => void;
}

const empty: GitState = { status: null, states: new Map(), changedIds: new Set(), error: null };

/** Builds the window's git state around `api`, following the library's site and the documents' saves. */
export function createGitState(api: PostdeskApi, library: LibraryModel, documents: DocumentsModel): GitModel {
  const store = createStore<GitState>(empty);
  let running: Promise<void> | null = null;
  let again = false;

  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          try {
            const status = await api.gitStatus({});
            const states = new Map<string, GitFileState>();
            const changedIds = new Set<string>();
            for (const file of status.files) {
              if (file.id === null) continue;
              states.set(file.id, file.state);
              if (file.state !== 'deleted') changedIds.add(file.id);
            }
            store.set({ status, states, changedIds, error: null });
          } catch (error) {
            store.set((previous) => ({ ...previous, error: (error as Error).message }));
          }
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const autoPublish = createAutoPublish(api, library, documents, { store, refresh });

  return {
    store,
    autoPublish,
    refresh,
    watch(delayMs = 400) {
      const soon = batchEvents<unknown>(() => void refresh(), delayMs, { untilQuiet: true });
      void refresh();
      const offChange = api.on('postChanged', soon);
      const offOpen = api.on('siteOpened', () => {
        store.set(empty);
        soon(null);
      });
      // A save (from any command) gives its tab a new revision: that is when git sees new bytes.
      const revisions = (): string =>
        documents
          .list()
          .map((doc) => `${doc.id}\0${doc.revision.sha256}`)
          .join('\n');
      let seen = revisions();
      const offPublish = autoPublish.watchSaves();
      let root = library.store.get().site?.root ?? null;
      const offLibrary = library.store.subscribe(() => {
        const next = library.store.get().site?.root ?? null;
        if (next === root) return;
        root = next;
        if (next !== null) soon(null);
      });
      const offDocs = documents.store.subscribe(() => {
        const now = revisions();
        if (now === seen) return;
        seen = now;
        soon(null);
      });
      return () => {
        soon.cancel();
        offChange();
        offOpen();
        offDocs();
        offPublish();
        offLibrary();
      };
    },
  };
}

/** The ids of posts git sees as new or modified (an empty set outside a repository). */
export function useChangedIds(): ReadonlySet<string> {
  return useStore(useAppState().git.store, (state) => state.changedIds);
}
