import { useStore } from '../../state/create-store';
import { createStore } from '../../state/create-store';
import type { PostdeskApi } from '../../../shared/api';
import { documentsStore, openDocuments } from '../../state/document-store';
import { libraryStore } from '../../state/library-store';
import { watchSavesForPublishing } from './auto-publish';
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

const empty: GitState = { status: null, states: new Map(), changedIds: new Set(), error: null };

/** The repository state of the open site, refreshed after saves and disk changes. */
export const gitStore = createStore<GitState>(empty);

let running: Promise<void> | null = null;
let again = false;

/** Reads the status now (one call at a time; a call during a read runs once more after it). */
export function refreshGit(api: PostdeskApi): Promise<void> {
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
          gitStore.set({ status, states, changedIds, error: null });
        } catch (error) {
          gitStore.set((previous) => ({ ...previous, error: (error as Error).message }));
        }
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * Keeps the store fresh: reads the status now, then again a short while after each change on disk
 * (debounced, so a pull touching many posts reads it once). Answers the unsubscribe function.
 */
export function watchGit(api: PostdeskApi, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const soon = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refreshGit(api);
    }, delayMs);
  };
  void refreshGit(api);
  const offChange = api.on('postChanged', soon);
  const offOpen = api.on('siteOpened', () => {
    gitStore.set(empty);
    soon();
  });
  // A save (from any command) gives its tab a new revision: that is when git sees new bytes.
  const revisions = (): string =>
    openDocuments()
      .map((doc) => `${doc.id}\0${doc.revision.sha256}`)
      .join('\n');
  let seen = revisions();
  const offPublish = watchSavesForPublishing(api);
  let root = libraryStore.get().site?.root ?? null;
  const offLibrary = libraryStore.subscribe(() => {
    const next = libraryStore.get().site?.root ?? null;
    if (next === root) return;
    root = next;
    if (next !== null) soon();
  });
  const offDocs = documentsStore.subscribe(() => {
    const now = revisions();
    if (now === seen) return;
    seen = now;
    soon();
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    offChange();
    offOpen();
    offDocs();
    offPublish();
    offLibrary();
  };
}

/** The ids of posts git sees as new or modified (an empty set outside a repository). */
export function useChangedIds(): ReadonlySet<string> {
  return useStore(gitStore, (state) => state.changedIds);
}
