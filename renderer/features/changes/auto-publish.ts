import type { PostdeskApi } from '../../../shared/api';
import { createStore } from '../../state/create-store';
import { documentsStore, openDocuments } from '../../state/document-store';
import { libraryStore } from '../../state/library-store';
import { suggestCommitMessage } from './commit-message';
import { gitStore, refreshGit } from './git-store';

/** Whether "Commit and push on save" is on for the open site (off by default), and the last run's result. */
export const autoPublishStore = createStore<{ on: boolean; last: string | null }>({ on: false, last: null });

const storageKey = (root: string): string => `postdesk.git.publishOnSave:${root}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Turns "Commit and push on save" on or off for the open site (remembered per site). */
export function setAutoPublish(on: boolean): void {
  const root = libraryStore.get().site?.root;
  if (root) {
    try {
      storage()?.setItem(storageKey(root), on ? '1' : '0');
    } catch {
      // Storage disabled: the choice lasts for this session.
    }
  }
  autoPublishStore.set((now) => ({ ...now, on }));
}

async function publish(api: PostdeskApi, id: string): Promise<void> {
  await refreshGit(api);
  const file = gitStore.get().status?.files.find((candidate) => candidate.id === id);
  if (!file) return;
  const title = libraryStore.get().posts.find((post) => post.id === id)?.title ?? null;
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
  autoPublishStore.set((now) => ({ ...now, last }));
  await refreshGit(api);
}

/**
 * While on, commits each saved post alone (message from its title) and pushes it. A save is a
 * tab's `saving` ending without an error or conflict. Answers the unsubscribe function.
 */
export function watchSavesForPublishing(api: PostdeskApi): () => void {
  const offSite = libraryStore.subscribe(() => {
    const root = libraryStore.get().site?.root ?? null;
    const on = root !== null && storage()?.getItem(storageKey(root)) === '1';
    if (autoPublishStore.get().on !== on) autoPublishStore.set({ on, last: null });
  });
  let saving = new Set<string>();
  const offDocs = documentsStore.subscribe(() => {
    const now = new Set<string>();
    for (const doc of openDocuments()) {
      if (doc.saving) now.add(doc.id);
      else if (
        saving.has(doc.id) &&
        doc.error === null &&
        doc.conflict === null &&
        autoPublishStore.get().on
      ) {
        void publish(api, doc.id);
      }
    }
    saving = now;
  });
  return () => {
    offSite();
    offDocs();
  };
}
