import type { PostdeskApi } from '../../../shared/api';
import { documentStore, isDirty, saveDocument } from '../../state/document-store';
import { askAboutUnsaved } from './unsaved-prompt-store';

/**
 * Decides whether the open post may be left (closed, replaced, the site switched, the window
 * closed): true at once when nothing is unsaved; else asks Save / Don't Save / Cancel. Save answers
 * true only when the save succeeded; Don't Save drops the post's crash-recovery backup.
 */
export async function confirmLeave(api: PostdeskApi): Promise<boolean> {
  const state = documentStore.get();
  if (state.status !== 'open' || !isDirty(state.doc)) return true;
  const { id } = state.doc;
  const choice = await askAboutUnsaved(id);
  if (choice === 'cancel') return false;
  if (choice === 'discard') {
    await api.dropBackup({ id }).catch(() => undefined);
    return true;
  }
  await saveDocument(api);
  const after = documentStore.get();
  return !(after.status === 'open' && after.doc.id === id && isDirty(after.doc));
}

/** Closes the open post after `confirmLeave` agreed. */
export async function closeDocument(api: PostdeskApi): Promise<void> {
  if (await confirmLeave(api)) documentStore.set({ status: 'empty' });
}
