import type { BodyKind, PostChangedEvent, PostDocument, PostdeskApi, Revision } from '../../shared/api';
import { isPostdeskError, PostdeskError } from '../../shared/errors';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { createStore, type Store } from './create-store';

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

const noDocuments: OpenDocuments = { order: [], activeId: null, docs: {} };

/** Every open post of the window and the active one. */
export const documentsStore = createStore<OpenDocuments>(noDocuments);

/** The state of the active tab (`empty` when no post is open). */
export function activeState(all: OpenDocuments): DocumentState {
  // One shared empty state, so readers that compare snapshots by identity see no change.
  return all.activeId === null ? emptyState : (all.docs[all.activeId] ?? emptyState);
}

/** The open documents of every tab, in tab order (tabs still loading or failed are left out). */
export function openDocuments(all: OpenDocuments = documentsStore.get()): OpenDocument[] {
  const docs: OpenDocument[] = [];
  for (const key of all.order) {
    const state = all.docs[key];
    if (state?.status === 'open') docs.push(state.doc);
  }
  return docs;
}

/** The key (post id) a tab's state is filed under. */
function keyOf(state: DocumentState): string | null {
  if (state.status === 'empty') return null;
  return state.status === 'open' ? state.doc.id : state.id;
}

/** Puts `state` in the tab filed under `key` (re-filing it when its id changed) and answers the new set. */
function putTab(
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
function removeTab(all: OpenDocuments, key: string): OpenDocuments {
  const at = all.order.indexOf(key);
  if (at < 0) return all;
  const order = all.order.filter((entry) => entry !== key);
  const docs = { ...all.docs };
  delete docs[key];
  const activeId = all.activeId === key ? (order[Math.min(at, order.length - 1)] ?? null) : all.activeId;
  return { order, activeId, docs };
}

/**
 * The active tab seen as the one open document of the window (what the editor, the form and the
 * commands work on). `set` replaces the active tab's state (opening a tab when none is active);
 * setting `empty` closes the active tab.
 */
export const documentStore: Store<DocumentState> = {
  get: () => activeState(documentsStore.get()),
  set(next) {
    documentsStore.set((all) => {
      const current = activeState(all);
      const resolved = typeof next === 'function' ? next(current) : next;
      if (resolved === current) return all;
      return putTab(all, all.activeId, resolved, true);
    });
  },
  subscribe: (listener) => documentsStore.subscribe(listener),
};

/** Shows the tab of post `id` (nothing happens when it is not open). */
export function activateDocument(id: string): void {
  flushPendingBody();
  documentsStore.set((all) => (all.docs[id] && all.activeId !== id ? { ...all, activeId: id } : all));
}

/** Shows the tab `step` places after the active one (negative: before), wrapping around. */
export function cycleDocuments(step: number): void {
  flushPendingBody();
  documentsStore.set((all) => {
    if (all.order.length < 2 || all.activeId === null) return all;
    const at = all.order.indexOf(all.activeId);
    const count = all.order.length;
    return { ...all, activeId: all.order[(((at + step) % count) + count) % count] ?? all.activeId };
  });
}

/** Closes the tab of post `id` without asking (guard first: see the commands' leave logic). */
export function closeDocumentTab(id: string): void {
  flushPendingBody();
  documentsStore.set((all) => removeTab(all, id));
}

/** Closes every tab without asking (guard first). */
export function closeAllDocuments(): void {
  flushPendingBody();
  documentsStore.set(noDocuments);
}

/** True when the open document has edits not yet on disk. */
export function isDirty(doc: OpenDocument): boolean {
  return doc.text !== doc.savedText;
}

/** True when closing the document would lose text that is nowhere on disk. */
export function hasUnsavedText(doc: OpenDocument): boolean {
  return isDirty(doc) || doc.conflict?.kind === 'removed';
}

/**
 * Opens post `id` in a tab of its own and shows it; a post already open just gets its tab shown
 * (a tab whose load failed is read again). Other tabs keep their text.
 */
export async function openDocument(api: PostdeskApi, id: string): Promise<void> {
  flushPendingBody();
  const existing = documentsStore.get().docs[id];
  if (existing && existing.status !== 'failed') {
    activateDocument(id);
    return;
  }
  documentsStore.set((all) => putTab(all, all.docs[id] ? id : null, { status: 'loading', id }, true));
  try {
    const post = await api.readPost({ id });
    setTab(id, (state) => (state.status === 'loading' ? { status: 'open', doc: fromDisk(post, 0) } : state));
  } catch (error) {
    setTab(id, (state) =>
      state.status === 'loading' ? { status: 'failed', id, message: (error as Error).message } : state,
    );
  }
}

let pendingBody: (() => void) | null = null;

/**
 * Records that the body editor holds typed text not yet in the store, and how to put it there.
 * The editor hands its text over after the keystroke is painted (off the typing path); whatever
 * reads or replaces the document first (saving, switching tabs, closing, a disk change) flushes it.
 */
export function deferBody(flush: (() => void) | null): void {
  pendingBody = flush;
}

/** Puts typed text the body editor has not handed over yet into the open document (see deferBody). */
export function flushPendingBody(): void {
  const flush = pendingBody;
  pendingBody = null;
  flush?.();
}

/** Replaces the body of the open document, keeping its front matter block byte for byte. */
export function setBody(body: string): void {
  documentStore.set((state) => {
    if (state.status !== 'open') return state;
    const { doc } = state;
    const text = doc.text.slice(0, doc.bodyStart) + body;
    return text === doc.text ? state : { status: 'open', doc: { ...doc, text } };
  });
}

/**
 * Replaces the text of the open document's front matter block (between its fences, or the whole
 * JSON object) with `raw`, keeping the fences, the BOM and the body byte for byte (a line break is
 * added when `raw` would otherwise run into the closing fence).
 */
export function setFrontMatterRaw(raw: string): void {
  flushPendingBody();
  documentStore.set((state) => {
    if (state.status !== 'open') return state;
    const { doc } = state;
    const head = doc.text.slice(0, doc.bodyStart);
    const split = splitFrontMatter(head);
    if (split.format === null || split.error !== null) return state;
    const rawEnd =
      split.format === 'json' ? head.lastIndexOf('}') + 1 : head.replace(/\r?\n$/, '').lastIndexOf('\n') + 1;
    const eol = head.includes('\r\n') ? '\r\n' : '\n';
    const block = split.format !== 'json' && raw !== '' && !raw.endsWith('\n') ? raw + eol : raw;
    const text = doc.text.slice(0, split.rawStart) + block + doc.text.slice(rawEnd);
    if (text === doc.text) return state;
    const bodyStart = doc.bodyStart + block.length - (rawEnd - split.rawStart);
    return { status: 'open', doc: { ...doc, text, bodyStart } };
  });
}

/** Replaces the whole text of the open document (front matter and body). */
export function setText(text: string): void {
  flushPendingBody();
  documentStore.set((state) => {
    if (state.status !== 'open' || state.doc.text === text) return state;
    return { status: 'open', doc: { ...state.doc, text, bodyStart: splitFrontMatter(text).bodyStart } };
  });
}

/**
 * Saves the open document (or the tab of post `id`) against the revision it was read at and answers true when it is on disk.
 * A save refused as stale becomes a conflict holding the disk's text; the edited text is kept.
 */
export async function saveDocument(api: PostdeskApi, id?: string): Promise<boolean> {
  flushPendingBody();
  const state =
    id === undefined ? documentStore.get() : (documentsStore.get().docs[id] ?? { status: 'empty' });
  if (state.status !== 'open' || state.doc.saving) return false;
  return write(api, state.doc.id, state.doc.text, state.doc.revision);
}

/** Saves the user's text over whatever the disk holds now (the "Overwrite" answer to a conflict). */
export async function overwriteDocument(api: PostdeskApi): Promise<boolean> {
  flushPendingBody();
  const state = documentStore.get();
  if (state.status !== 'open' || state.doc.saving) return false;
  return write(api, state.doc.id, state.doc.text, null);
}

/** Drops the user's edits and shows the post as it is on disk now (the "Reload" answer). */
export async function reloadDocument(api: PostdeskApi): Promise<void> {
  // The user chose the disk's text: typed text not handed over yet is dropped with the rest.
  pendingBody = null;
  const state = documentStore.get();
  if (state.status !== 'open') return;
  const { id } = state.doc;
  try {
    const post = await api.readPost({ id });
    update(id, (doc) => fromDisk(post, doc.loads + 1));
  } catch (error) {
    if (isPostdeskError(error, 'not-found')) update(id, (doc) => ({ ...doc, conflict: { kind: 'removed' } }));
    else update(id, (doc) => ({ ...doc, error: (error as Error).message }));
  }
}

/**
 * Saves the user's text as a new post `newId` (which must not exist yet) and makes that the open
 * document; throws a PostdeskError ('exists', or what the save refused) and keeps the text otherwise.
 */
export async function saveDocumentAs(api: PostdeskApi, newId: string): Promise<void> {
  flushPendingBody();
  const state = documentStore.get();
  if (state.status !== 'open') throw new PostdeskError('not-found', 'No post is open.');
  const id = newId.trim();
  if (id === '') throw new PostdeskError('invalid-argument', 'Type a path for the new post.');
  const exists = await api.readPost({ id }).then(
    () => true,
    (error: unknown) => {
      if (isPostdeskError(error, 'not-found')) return false;
      throw error;
    },
  );
  if (exists) throw new PostdeskError('exists', `${id} already exists: choose another path.`);
  const { id: oldId, text } = state.doc;
  const result = await api.savePost({ id, text, baseRevision: null });
  update(oldId, (doc) => ({
    ...doc,
    id: result.id,
    savedText: text,
    revision: result.revision,
    conflict: null,
    error: null,
    savedOnce: true,
  }));
}

/**
 * Brings the open document in line with a change made on disk by someone else: a clean document
 * reloads silently; a dirty one keeps the user's text and gets a conflict; a removed file keeps
 * the buffer and is marked removed. Every tab holding the post is brought in line, shown or not;
 * events about posts that are not open are ignored.
 */
export async function applyDiskChange(api: PostdeskApi, event: PostChangedEvent): Promise<void> {
  flushPendingBody();
  const state = documentsStore.get().docs[event.id];
  if (state?.status !== 'open') return;
  const { id } = event;
  if (event.kind === 'removed') {
    update(id, (doc) => ({ ...doc, conflict: { kind: 'removed' } }));
    return;
  }
  let disk: PostDocument;
  try {
    disk = await api.readPost({ id });
  } catch (error) {
    if (isPostdeskError(error, 'not-found')) update(id, (doc) => ({ ...doc, conflict: { kind: 'removed' } }));
    return;
  }
  update(id, (doc) => reconcile(doc, disk));
}

/** What the document becomes once the disk is seen holding `disk`. */
function reconcile(doc: OpenDocument, disk: PostDocument): OpenDocument {
  if (disk.text === doc.text) {
    // The disk holds exactly the user's text (saved elsewhere, or restored): nothing to resolve.
    return { ...doc, savedText: disk.text, revision: disk.revision, conflict: null };
  }
  if (!isDirty(doc)) return fromDisk(disk, doc.loads + 1);
  return { ...doc, conflict: { kind: 'changed', diskText: disk.text, diskRevision: disk.revision } };
}

async function write(api: PostdeskApi, id: string, text: string, base: Revision | null): Promise<boolean> {
  update(id, (doc) => ({ ...doc, saving: true, error: null }));
  try {
    const result = await api.savePost({ id, text, baseRevision: base });
    update(id, (doc) => ({
      ...doc,
      saving: false,
      savedText: text,
      revision: result.revision,
      savedOnce: true,
      conflict: null,
    }));
    return true;
  } catch (error) {
    if (!isPostdeskError(error, 'conflict')) {
      update(id, (doc) => ({ ...doc, saving: false, error: (error as Error).message }));
      return false;
    }
    const disk = await api.readPost({ id }).catch(() => null);
    update(id, (doc) => {
      const saved = { ...doc, saving: false };
      return disk ? reconcile(saved, disk) : { ...saved, conflict: { kind: 'removed' } };
    });
    return false;
  }
}

function fromDisk(post: PostDocument, loads: number): OpenDocument {
  return {
    id: post.id,
    savedText: post.text,
    text: post.text,
    revision: post.revision,
    bodyKind: post.bodyKind,
    bodyStart: splitFrontMatter(post.text).bodyStart,
    saving: false,
    error: null,
    conflict: null,
    savedOnce: false,
    loads,
  };
}

function setTab(id: string, change: (state: DocumentState) => DocumentState): void {
  documentsStore.set((all) => {
    const state = all.docs[id];
    if (!state) return all;
    const next = change(state);
    return next === state ? all : putTab(all, id, next, false);
  });
}

function update(id: string, change: (doc: OpenDocument) => OpenDocument): void {
  setTab(id, (state) =>
    state.status === 'open' && state.doc.id === id ? { status: 'open', doc: change(state.doc) } : state,
  );
}
