import type { BodyKind, Revision } from '../../shared/api';
import type { Store } from './create-store';

/**
 * How the open document disagrees with the disk: the file changed under unsaved edits (or a save
 * was refused as stale), with what the disk now holds; or the file was removed from disk.
 */
export type DiskConflict =
  { kind: 'changed'; diskText: string; diskRevision: Revision } | { kind: 'removed' };

/** The post being edited: the text on disk as last read or saved, and the text being edited. */
export interface OpenDocument {
  id: string;
  savedText: string;
  text: string;
  revision: Revision;
  bodyKind: BodyKind;
  /** Offset in `text` where the body starts (the front matter block and its fences come before). */
  bodyStart: number;
  saving: boolean;
  /** The last save's failure, shown to the user; the edited text is kept. */
  error: string | null;
  /** Set while the document and the disk disagree in a way the user must resolve. */
  conflict: DiskConflict | null;
  /** True once this document was saved since it was opened. */
  savedOnce: boolean;
  /** Counts the times the text was replaced from disk: editors showing it start afresh when it changes. */
  loads: number;
}

/** What the editor shows: nothing, a post loading, or an open post. */
export type DocumentState =
  | { status: 'empty' }
  | { status: 'loading'; id: string }
  | { status: 'failed'; id: string; message: string }
  | { status: 'open'; doc: OpenDocument };

/**
 * The posts open in the window (one tab each), keyed by post id: `order` is the tab order and
 * `activeId` the tab shown (null when none is open). Each entry is that tab's own state.
 */
export interface OpenDocuments {
  order: string[];
  activeId: string | null;
  docs: Record<string, DocumentState>;
}

const emptyState: DocumentState = { status: 'empty' };

/** No tab open. */
export const noDocuments: OpenDocuments = { order: [], activeId: null, docs: {} };

/** The state of the active tab (`empty` when no post is open). */
export function activeState(all: OpenDocuments): DocumentState {
  // One shared empty state, so readers that compare snapshots by identity see no change.
  return all.activeId === null ? emptyState : (all.docs[all.activeId] ?? emptyState);
}

/** The open documents of every tab, in tab order (tabs still loading or failed are left out). */
export function openDocuments(all: OpenDocuments): OpenDocument[] {
  const docs: OpenDocument[] = [];
  for (const key of all.order) {
    const state = all.docs[key];
    if (state?.status === 'open') docs.push(state.doc);
  }
  return docs;
}

/** True when the open document has edits not yet on disk. */
export function isDirty(doc: OpenDocument): boolean {
  return doc.text !== doc.savedText;
}

/** True when closing the document would lose text that is nowhere on disk. */
export function hasUnsavedText(doc: OpenDocument): boolean {
  return isDirty(doc) || doc.conflict?.kind === 'removed';
}

/** The key (post id) a tab's state is filed under. */
function keyOf(state: DocumentState): string | null {
  if (state.status === 'empty') return null;
  return state.status === 'open' ? state.doc.id : state.id;
}

/** Puts `state` in the tab filed under `key` (re-filing it when its id changed) and answers the new set. */
export function putTab(
  all: OpenDocuments,
  key: string | null,
  state: DocumentState,
  activate: boolean,
): OpenDocuments {
  const newKey = keyOf(state);
  if (newKey === null) return key === null ? all : removeTab(all, key);
  const docs = { ...all.docs };
  let order = all.order;
  if (key !== null && key !== newKey && key in docs) {
    delete docs[key];
    order = order.map((entry) => (entry === key ? newKey : entry));
    if (order.indexOf(newKey) !== order.lastIndexOf(newKey)) {
      order = order.filter((entry, index) => entry !== newKey || index === order.indexOf(newKey));
    }
  } else if (!order.includes(newKey)) {
    const at = all.activeId === null ? order.length : order.indexOf(all.activeId) + 1;
    order = [...order.slice(0, at), newKey, ...order.slice(at)];
  }
  docs[newKey] = state;
  const activeId = activate || all.activeId === key ? newKey : all.activeId;
  return { order, activeId, docs };
}

/** Closes the tab filed under `key`; the tab after it (else before it) becomes active when it was. */
export function removeTab(all: OpenDocuments, key: string): OpenDocuments {
  const at = all.order.indexOf(key);
  if (at < 0) return all;
  const order = all.order.filter((entry) => entry !== key);
  const docs = { ...all.docs };
  delete docs[key];
  const activeId = all.activeId === key ? (order[Math.min(at, order.length - 1)] ?? null) : all.activeId;
  return { order, activeId, docs };
}

/** The tab actions of a window's documents store (showing, cycling, closing, changing one tab). */
export interface DocumentTabs {
  /**
   * The active tab seen as the one open document of the window (what the editor, the form and the
   * commands work on). `set` replaces the active tab's state (opening a tab when none is active);
   * setting `empty` closes the active tab.
   */
  active: Store<DocumentState>;
  /** The open documents of every tab, in tab order (see openDocuments). */
  list(): OpenDocument[];
  /** Shows the tab of post `id` (nothing happens when it is not open). */
  activate(id: string): void;
  /** Shows the tab `step` places after the active one (negative: before), wrapping around. */
  cycle(step: number): void;
  /** Closes the tab of post `id` without asking (guard first: see the commands' leave logic). */
  closeTab(id: string): void;
  /** Closes every tab without asking (guard first). */
  closeAll(): void;
  /** Changes the state of the tab of post `id` (nothing happens when it is not open). */
  setTab(id: string, change: (state: DocumentState) => DocumentState): void;
  /** Changes the open document of the tab of post `id` (nothing happens unless it is open). */
  update(id: string, change: (doc: OpenDocument) => OpenDocument): void;
}

/** The tab actions over `store`. */
export function createDocumentTabs(store: Store<OpenDocuments>): DocumentTabs {
  const setTab = (id: string, change: (state: DocumentState) => DocumentState): void => {
    store.set((all) => {
      const state = all.docs[id];
      if (!state) return all;
      const next = change(state);
      return next === state ? all : putTab(all, id, next, false);
    });
  };
  return {
    active: {
      get: () => activeState(store.get()),
      set(next) {
        store.set((all) => {
          const current = activeState(all);
          const resolved = typeof next === 'function' ? next(current) : next;
          if (resolved === current) return all;
          return putTab(all, all.activeId, resolved, true);
        });
      },
      subscribe: (listener) => store.subscribe(listener),
    },
    list: () => openDocuments(store.get()),
    activate(id) {
      store.set((all) => (all.docs[id] && all.activeId !== id ? { ...all, activeId: id } : all));
    },
    cycle(step) {
      store.set((all) => {
        if (all.order.length < 2 || all.activeId === null) return all;
        const at = all.order.indexOf(all.activeId);
        const count = all.order.length;
        return { ...all, activeId: all.order[(((at + step) % count) + count) % count] ?? all.activeId };
      });
    },
    closeTab(id) {
      store.set((all) => removeTab(all, id));
    },
    closeAll() {
      store.set(noDocuments);
    },
    setTab,
    update(id, change) {
      setTab(id, (state) =>
        state.status === 'open' && state.doc.id === id ? { status: 'open', doc: change(state.doc) } : state,
      );
    },
  };
}
