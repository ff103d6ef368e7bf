import type { AppState } from '../../state/app-state';
import { isDirty, type OpenDocument } from '../../state/document-store';

/** How long after the last change an unsaved buffer is backed up. */
export const backupDelayMs = 2000;

/**
 * Backs up the unsaved text of every open post (each tab, shown or not) `backupDelayMs` after its
 * last change and drops a post's backup once it is saved (dirty -> clean). Calls go out one at a
 * time, in order, so a late backup never lands after the drop that followed it. Returns the
 * function that stops it.
 */
export function scheduleBackups(app: Pick<AppState, 'api' | 'documents'>): () => void {
  const { api, documents } = app;
  const openDocuments = (): OpenDocument[] => documents.list();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let queue: Promise<unknown> = Promise.resolve();
  let previous = new Map<string, OpenDocument>(openDocuments().map((doc) => [doc.id, doc]));
  const enqueue = (call: () => Promise<unknown>): void => {
    queue = queue.then(call).catch(() => undefined);
  };
  const stopTimer = (id: string): void => {
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
  };
  const onChange = (): void => {
    const docs = openDocuments();
    const before = previous;
    previous = new Map(docs.map((doc) => [doc.id, doc]));
    for (const doc of docs) {
      const was = before.get(doc.id);
      if (was === doc) continue;
      const { id } = doc;
      if (isDirty(doc)) {
        if (was && was.text === doc.text) continue;
        stopTimer(id);
        timers.set(
          id,
          setTimeout(() => {
            timers.delete(id);
            const now = openDocuments().find((open) => open.id === id);
            if (now && isDirty(now)) {
              const text = now.text;
              enqueue(() => api.backupBuffer({ id, text }));
            }
          }, backupDelayMs),
        );
      } else if (was && isDirty(was)) {
        stopTimer(id);
        enqueue(() => api.dropBackup({ id }));
      }
    }
    for (const id of timers.keys()) if (!previous.has(id)) stopTimer(id);
  };
  const unsubscribe = documents.store.subscribe(onChange);
  return () => {
    unsubscribe();
    for (const id of [...timers.keys()]) stopTimer(id);
  };
}
