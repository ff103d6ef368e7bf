import type { PostdeskApi } from '../../shared/api';
import { createStore, type Store } from './create-store';
import { createDocumentDisk, type DocumentDisk } from './document-disk';
import { createDocumentEdits, type DocumentEdits } from './document-edits';
import { createDocumentTabs, noDocuments, type DocumentTabs, type OpenDocuments } from './document-tabs';

export {
  activeState,
  hasUnsavedText,
  isDirty,
  openDocuments,
  type DiskConflict,
  type DocumentState,
  type OpenDocument,
  type OpenDocuments,
} from './document-tabs';

/**
 * Every open post of the window (one tab each): the store of all tabs, the active tab seen as one
 * store, and the actions of the three parts (tabs; open/save/reload/conflict; text edits).
 */
export interface DocumentsModel extends DocumentTabs, DocumentEdits, DocumentDisk {
  store: Store<OpenDocuments>;
}

/** Builds the window's documents around `api` (no tab open). */
export function createDocumentsState(api: PostdeskApi): DocumentsModel {
  const store = createStore<OpenDocuments>(noDocuments);
  const tabs = createDocumentTabs(store);
  return { store, ...tabs, ...createDocumentEdits(tabs.active), ...createDocumentDisk(api, store, tabs) };
}
