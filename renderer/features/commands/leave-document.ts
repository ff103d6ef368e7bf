import type { AppState } from '../../state/app-state';
import { isDirty, type DocumentsModel } from '../../state/document-store';
import { askAboutUnsaved } from './unsaved-prompt-store';

function dirtyIds(documents: DocumentsModel, ids?: readonly string[]): string[] {
  documents.flushPendingBody();
  return documents
    .list()
    .filter((doc) => isDirty(doc) && (ids === undefined || ids.includes(doc.id)))
    .map((doc) => doc.id);
}

/**
 * Decides whether the open posts `ids` (default: every open tab) may be left (tabs closed, the site
 * switched, the window closed): true at once when none is unsaved; else asks once about all the
 * dirty ones: Save (all) / Don't Save / Cancel. Save answers true only when every save succeeded;
 * Don't Save drops their crash-recovery backups.
 */
export async function confirmLeave(state: AppState, ids?: readonly string[]): Promise<boolean> {
  const { api, documents } = state;
  const dirty = dirtyIds(documents, ids);
  if (dirty.length === 0) return true;
  const choice = await askAboutUnsaved(dirty);
  if (choice === 'cancel') return false;
  if (choice === 'discard') {
    // A backup that cannot be dropped is offered again at the next start: the user can discard it then.
    await Promise.all(dirty.map((id) => api.dropBackup({ id }).catch(() => undefined)));
    return true;
  }
  for (const id of dirty) await documents.save(id);
  return dirtyIds(documents, dirty).length === 0;
}

/** Closes the tab of post `id` (default: the active tab) after `confirmLeave` agreed. */
export async function closeDocument(app: AppState, id?: string): Promise<void> {
  const { documents } = app;
  const target = id ?? documents.store.get().activeId;
  if (target === null) return;
  const state = documents.store.get().docs[target];
  if (state?.status === 'open' && !(await confirmLeave(app, [state.doc.id]))) return;
  documents.closeTab(target);
}

/** Closes every tab after `confirmLeave` agreed about all of them; answers whether they were closed. */
export async function closeAllTabs(app: AppState): Promise<boolean> {
  if (!(await confirmLeave(app))) return false;
  app.documents.closeAll();
  return app.documents.active.get().status === 'empty';
}
