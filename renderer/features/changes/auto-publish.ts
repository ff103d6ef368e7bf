import type { PostdeskApi } from '../../../shared/api';
import { createStore, type Store } from '../../state/create-store';
import type { DocumentsModel } from '../../state/document-store';
import type { LibraryModel } from '../../state/library-store';
import { readStorage, writeStorage } from '../../state/browser-storage';
import { suggestCommitMessage } from './commit-message';
import type { GitState } from './git-store';

/** Whether "Commit and push on save" is on for the open site (off by default), and the last run's result. */
export interface AutoPublishState {
  on: boolean;
  last: string | null;
}

/** "Commit and push on save": its store, the switch, and the watcher of saves. */
export interface AutoPublishModel {
  store: Store<AutoPublishState>;
  /** Turns "Commit and push on save" on or off for the open site (remembered per site). */
  set(on: boolean): void;
  /**
   * While on, commits each saved post alone (message from its title) and pushes it. A save is a
   * tab's `saving` ending without an error or conflict. Answers the unsubscribe function.
   */
  watchSaves(): () => void;
}

const storageKey = (root: string): string => `postdesk.git.publishOnSave:${root}`;

/** Builds "Commit and push on save" for the window's library, documents and git status. */
export function createAutoPublish(
  api: PostdeskApi,
  library: LibraryModel,
  documents: DocumentsModel,
  git: { store: Store<GitState>; refresh(): Promise<void> },
): AutoPublishModel {
  const store = createStore<AutoPublishState>({ on: false, last: null });

  const publish = async (id: string): Promise<void> => {
    await git.refresh();
    const file = git.store.get().status?.files.find((candidate) => candidate.id === id);
    if (!file) return;
    const title = library.store.get().posts.find((post) => post.id === id)?.title ?? null;
    let last: string;
    try {
      const commit = await api.gitCommit({
        paths: [file.path],
        message: suggestCommitMessage([file], () => title),
      });
      const pushed = await api.gitPush({});
      last = pushed.outcome === 'done' ? `Published ${commit.commit.slice(0, 7)}` : pushed.message;
    } catch (error) {
      last = (error as Error).message;
    }
    store.set((now) => ({ ...now, last }));
    await git.refresh();
  };

  return {
    store,
    set(on) {
      const root = library.store.get().site?.root;
      if (root) writeStorage(storageKey(root), on ? '1' : '0');
      store.set((now) => ({ ...now, on }));
    },
    watchSaves() {
      const offSite = library.store.subscribe(() => {
        const root = library.store.get().site?.root ?? null;
        const on = root !== null && readStorage(storageKey(root)) === '1';
        if (store.get().on !== on) store.set({ on, last: null });
      });
      let saving = new Set<string>();
      const offDocs = documents.store.subscribe(() => {
        const now = new Set<string>();
        for (const doc of documents.list()) {
          if (doc.saving) now.add(doc.id);
          else if (saving.has(doc.id) && doc.error === null && doc.conflict === null && store.get().on) {
            void publish(doc.id);
          }
        }
        saving = now;
      });
      return () => {
        offSite();
        offDocs();
      };
    },
  };
}
