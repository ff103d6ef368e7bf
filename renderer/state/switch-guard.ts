import type { PostdeskApi } from '../../shared/api';
import { createStore } from './create-store';
import { openDocument, saveDocument } from './document-store';

/**
 * Kept for callers of the single-document era: with tabs, opening another post never asks, so this
 * stays null unless a caller sets it.
 */
export const pendingOpenStore = createStore<string | null>(null);

/** The answers to "save your changes before opening another post?". */
export type SwitchChoice = 'save' | 'discard' | 'cancel';

/**
 * Opens post `id` in its own tab (or shows its tab when it is open already); the other tabs keep
 * their unsaved text, so nothing needs asking.
 */
export async function requestOpen(api: PostdeskApi, id: string): Promise<void> {
  await openDocument(api, id);
}

/**
 * Answers a pending request set by an older caller: save the active post then open, open without
 * saving, or stay.
 */
export async function resolvePendingOpen(api: PostdeskApi, choice: SwitchChoice): Promise<void> {
  const id = pendingOpenStore.get();
  pendingOpenStore.set(null);
  if (id === null || choice === 'cancel') return;
  if (choice === 'save' && !(await saveDocument(api))) return;
  await openDocument(api, id);
}
