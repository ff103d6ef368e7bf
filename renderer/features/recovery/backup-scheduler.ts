import type { PostdeskApi } from '../../../shared/api';
import { documentStore, isDirty, type DocumentState } from '../../state/document-store';

/** How long after the last change an unsaved buffer is backed up. */
export const backupDelayMs = 2000;

/**
 * Backs up the open post's unsaved text `backupDelayMs` after each change and drops the backup
 * once the post is saved (dirty -> clean). Calls go out one at a time, in order, so a late backup
 * never lands after the drop that followed it. Returns the function that stops it.
 */
export function scheduleBackups(api: PostdeskApi): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let previous: DocumentState = documentStore.get();
  const enqueue = (call: () => Promise<unknown>): void => {
    queue = queue.then(call).catch(() => undefined);
  };
  const onChange = (): void => {
    const state = documentStore.get();
    const before = previous;
    previous = state;
    if (state.status !== 'open') return;
    const { doc } = state;
    if (isDirty(doc)) {
      if (before.status === 'open' && before.doc.id === doc.id && before.doc.text === doc.text) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const now = documentStore.get();
        if (now.status === 'open' && now.doc.id === doc.id && isDirty(now.doc)) {
          const text = now.doc.text;
          enqueue(() => api.backupBuffer({ id: doc.id, text }));
        }
      }, backupDelayMs);
    } else if (before.status === 'open' && before.doc.id === doc.id && isDirty(before.doc)) {
      if (timer) clearTimeout(timer);
      timer = null;
      enqueue(() => api.dropBackup({ id: doc.id }));
    }
  };
  const unsubscribe = documentStore.subscribe(onChange);
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
