import type { PostChangedEvent, PostDocument, PostdeskApi, Revision } from '../../shared/api';
import { isPostdeskError, PostdeskError } from '../../shared/errors';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import type { Store } from './create-store';
import { isDirty, putTab, type DocumentTabs, type OpenDocument, type OpenDocuments } from './document-tabs';

/** The documents' exchanges with the disk: open, save, reload, save as, and changes made outside. */
export interface DocumentDisk {
  /**
   * Opens post `id` in a tab of its own and shows it; a post already open just gets its tab shown
   * (a tab whose load failed is read again). Other tabs keep their text.
   */
  open(id: string): Promise<void>;
  /**
   * Saves the open document (or the tab of post `id`) against the revision it was read at and
   * answers true when it is on disk. A save refused as stale becomes a conflict holding the disk's
   * text; the edited text is kept.
   */
  save(id?: string): Promise<boolean>;
  /** Saves the user's text over whatever the disk holds now (the "Overwrite" answer to a conflict). */
  overwrite(): Promise<boolean>;
  /** Drops the user's edits and shows the post as it is on disk now (the "Reload" answer). */
  reload(): Promise<void>;
  /**
   * Saves the user's text as a new post `newId` (which must not exist yet) and makes that the open
   * document; throws a PostdeskError ('exists', or what the save refused) and keeps the text otherwise.
   */
  saveAs(newId: string): Promise<void>;
  /**
   * Brings the open documents in line with a change made on disk by someone else: a clean document
   * reloads silently; a dirty one keeps the user's text and gets a conflict; a removed file keeps
   * the buffer and is marked removed. Every tab holding the post is brought in line, shown or not;
   * events about posts that are not open are ignored.
   */
  applyDiskChange(event: PostChangedEvent): Promise<void>;
}

/** The disk exchanges of the documents in `store`, through `api`. */
export function createDocumentDisk(
  api: PostdeskApi,
  store: Store<OpenDocuments>,
  tabs: DocumentTabs,
): DocumentDisk {
  const { update, setTab, active } = tabs;

  const write = async (id: string, text: string, base: Revision | null): Promise<boolean> => {
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
      // The disk could not be read after the refusal: the post is shown as removed (its text kept).
      const disk = await api.readPost({ id }).catch(() => null);
      update(id, (doc) => {
        const saved = { ...doc, saving: false };
        return disk ? reconcile(saved, disk) : { ...saved, conflict: { kind: 'removed' } };
      });
      return false;
    }
  };

  return {
    async open(id) {
      const existing = store.get().docs[id];
      if (existing && existing.status !== 'failed') {
        tabs.activate(id);
        return;
      }
      store.set((all) => putTab(all, all.docs[id] ? id : null, { status: 'loading', id }, true));
      try {
        const post = await api.readPost({ id });
        setTab(id, (state) =>
          state.status === 'loading' ? { status: 'open', doc: fromDisk(post, 0) } : state,
        );
      } catch (error) {
        setTab(id, (state) =>
          state.status === 'loading' ? { status: 'failed', id, message: (error as Error).message } : state,
        );
      }
    },
    async save(id) {
      const state = id === undefined ? active.get() : (store.get().docs[id] ?? { status: 'empty' });
      if (state.status !== 'open' || state.doc.saving) return false;
      return write(state.doc.id, state.doc.text, state.doc.revision);
    },
    async overwrite() {
      const state = active.get();
      if (state.status !== 'open' || state.doc.saving) return false;
      return write(state.doc.id, state.doc.text, null);
    },
    async reload() {
      const state = active.get();
      if (state.status !== 'open') return;
      const { id } = state.doc;
      try {
        const post = await api.readPost({ id });
        update(id, (doc) => fromDisk(post, doc.loads + 1));
      } catch (error) {
        if (isPostdeskError(error, 'not-found'))
          update(id, (doc) => ({ ...doc, conflict: { kind: 'removed' } }));
        else update(id, (doc) => ({ ...doc, error: (error as Error).message }));
      }
    },
    async saveAs(newId) {
      const state = active.get();
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
    },
    async applyDiskChange(event) {
      const state = store.get().docs[event.id];
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
        if (isPostdeskError(error, 'not-found'))
          update(id, (doc) => ({ ...doc, conflict: { kind: 'removed' } }));
        // Any other failure to read: the tab keeps its text and revision; the next change or save tells.
        return;
      }
      update(id, (doc) => reconcile(doc, disk));
    },
  };
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
