import type { PostdeskApi } from '../../shared/api';
import { createStore } from './create-store';
import { documentStore, hasUnsavedText, openDocument, saveDocument } from './document-store';

/** The post the user asked to open while the open one has unsaved text, or null. */
export const pendingOpenStore = createStore<string | null>(null);

/** The answers to "save your changes before opening another post?". */
export type SwitchChoice = 'save' | 'discard' | 'cancel';

/**
 * Opens post `id`, unless the open post has text that is not on disk: then the request waits in
 * `pendingOpenStore` for the user's answer (see `resolvePendingOpen`).
 */
export async function requestOpen(api: PostdeskApi, id: string): Promise<void> {
  const state = documentStore.get();
  if (state.status === 'open') {
    if (state.doc.id === id && !state.doc.conflict) return;
    if (hasUnsavedText(state.doc)) {
      pendingOpenStore.set(id);
      return;
    }
  }
  await openDocument(api, id);
}

/**
 * Answers the pending request: save then open (staying put when the save fails), open without
 * saving, or stay on the current post.
 */
export async function resolvePendingOpen(api: PostdeskApi, choice: SwitchChoice): Promise<void> {
  const id = pendingOpenStore.get();
  pendingOpenStore.set(null);
  if (id === null || choice === 'cancel') return;
  if (choice === 'save' && !(await saveDocument(api))) return;
  await openDocument(api, id);
}
