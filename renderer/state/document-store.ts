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

/** Typed text the body editor holds and has not handed to the store yet (off the typing path). */
export interface DeferredBody {
  /**
   * Records that the body editor holds typed text not yet in the store, and how to put it there
   * (null: nothing pending). Whatever reads or replaces the document first flushes it.
   */
  deferBody(flush: (() => void) | null): void;
  /** Puts typed text the body editor has not handed over yet into the open document. */
  flushPendingBody(): void;
}

/**
 * Every open post of the window (one tab each): the store of all tabs, the active tab seen as one
 * store, and the actions of the three parts (tabs; open/save/reload/conflict; text edits). Every
 * action that reads or replaces a document first takes in the body the editor has not handed over
 * yet (see DeferredBody); a reload drops it with the rest of the edits.
 */
export interface DocumentsModel extends DocumentTabs, DocumentEdits, DocumentDisk, DeferredBody {
  store: Store<OpenDocuments>;
}

/** Builds the window's documents around `api` (no tab open). */
export function createDocumentsState(api: PostdeskApi): DocumentsModel {
  const store = createStore<OpenDocuments>(noDocuments);
  const tabs = createDocumentTabs(store);
  const edits = createDocumentEdits(tabs.active);
  const disk = createDocumentDisk(api, store, tabs);
  let pending: (() => void) | null = null;
  const flushPendingBody = (): void => {
    const flush = pending;
    pending = null;
    flush?.();
  };
  /** `action`, after the pending body is flushed. */
  const flushed =
    <A extends unknown[], R>(action: (...args: A) => R) =>
    (...args: A): R => {
      flushPendingBody();
      return action(...args);
    };
  return {
    store,
    ...tabs,
    ...edits,
    ...disk,
    activate: flushed(tabs.activate),
    cycle: flushed(tabs.cycle),
    closeTab: flushed(tabs.closeTab),
    closeAll: flushed(tabs.closeAll),
    setFrontMatterRaw: flushed(edits.setFrontMatterRaw),
    setText: flushed(edits.setText),
    open: flushed(disk.open),
    save: flushed(disk.save),
    overwrite: flushed(disk.overwrite),
    saveAs: flushed(disk.saveAs),
    applyDiskChange: flushed(disk.applyDiskChange),
    reload: () => {
      // The user chose the disk's text: typed text not handed over yet is dropped with the rest.
      pending = null;
      return disk.reload();
    },
    deferBody: (flush) => {
      pending = flush;
    },
    flushPendingBody,
  };
}
