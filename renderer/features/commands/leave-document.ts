import type { PostdeskApi } from '../../../shared/api';
import {
  closeAllDocuments,
  closeDocumentTab,
  documentsStore,
  documentStore,
  flushPendingBody,
  isDirty,
  openDocuments,
  saveDocument,
} from '../../state/document-store';
import { askAboutUnsaved } from './unsaved-prompt-store';

function dirtyIds(ids?: readonly string[]): string[] {
  flushPendingBody();
  return openDocuments()
    .filter((doc) => isDirty(doc) && (ids === undefined || ids.includes(doc.id)))
    .map((doc) => doc.id);
}

/**
 * Decides whether the open posts `ids` (default: every open tab) may be left (tabs closed, the site
 * switched, the window closed): true at once when none is unsaved; else asks once about all the
 * dirty ones: Save (all) / Don't Save / Cancel. Save answers true only when every save succeeded;
 * Don't Save drops their crash-recovery backups.
 */
export async function confirmLeave(api: PostdeskApi, ids?: readonly string[]): Promise<boolean> {
  const dirty = dirtyIds(ids);
  if (dirty.length === 0) return true;
  const choice = await askAboutUnsaved(dirty);
  if (choice === 'cancel') return false;
  if (choice === 'discard') {
    await Promise.all(dirty.map((id) => api.dropBackup({ id }).catch(() => undefined)));
    return true;
  }
  for (const id of dirty) await saveDocument(api, id);
  return dirtyIds(dirty).length === 0;
}

/** Closes the tab of post `id` (default: the active tab) after `confirmLeave` agreed. */
export async function closeDocument(api: PostdeskApi, id?: string): Promise<void> {
  const target = id ?? documentsStore.get().activeId;
  if (target === null) return;
  const state = documentsStore.get().docs[target];
  if (state?.status === 'open' && !(await confirmLeave(api, [state.doc.id]))) return;
  closeDocumentTab(target);
}

/** Closes every tab after `confirmLeave` agreed about all of them; answers whether they were closed. */
export async function closeAllTabs(api: PostdeskApi): Promise<boolean> {
  if (!(await confirmLeave(api))) return false;
  closeAllDocuments();
  return documentStore.get().status === 'empty';
}
