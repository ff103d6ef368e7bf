import type { BodyKind, PostdeskApi, Revision } from '../../shared/api';
import { isPostdeskError } from '../../shared/errors';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { createStore } from './create-store';

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
  /** Set when the file changed on disk under unsaved edits. */
  conflict: boolean;
  /** True once this document was saved since it was opened. */
  savedOnce: boolean;
}

/** What the editor shows: nothing, a post loading, or an open post. */
export type DocumentState =
  | { status: 'empty' }
  | { status: 'loading'; id: string }
  | { status: 'failed'; id: string; message: string }
  | { status: 'open'; doc: OpenDocument };

/** The one open document of the window. */
export const documentStore = createStore<DocumentState>({ status: 'empty' });

/** True when the open document has edits not yet on disk. */
export function isDirty(doc: OpenDocument): boolean {
  return doc.text !== doc.savedText;
}

/** Reads post `id` and makes it the open document. */
export async function openDocument(api: PostdeskApi, id: string): Promise<void> {
  documentStore.set({ status: 'loading', id });
  try {
    const post = await api.readPost({ id });
    documentStore.set({
      status: 'open',
      doc: {
        id: post.id,
        savedText: post.text,
        text: post.text,
        revision: post.revision,
        bodyKind: post.bodyKind,
        bodyStart: splitFrontMatter(post.text).bodyStart,
        saving: false,
        error: null,
        conflict: false,
        savedOnce: false,
      },
    });
  } catch (error) {
    documentStore.set({ status: 'failed', id, message: (error as Error).message });
  }
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

/** Saves the open document against the revision it was read at; a conflict is kept for the user. */
export async function saveDocument(api: PostdeskApi): Promise<void> {
  const state = documentStore.get();
  if (state.status !== 'open' || state.doc.saving) return;
  const { id, text, revision } = state.doc;
  update(id, (doc) => ({ ...doc, saving: true, error: null }));
  try {
    const result = await api.savePost({ id, text, baseRevision: revision });
    update(id, (doc) => ({
      ...doc,
      saving: false,
      savedText: text,
      revision: result.revision,
      savedOnce: true,
      conflict: false,
    }));
  } catch (error) {
    const conflict = isPostdeskError(error, 'conflict');
    update(id, (doc) => ({ ...doc, saving: false, conflict, error: (error as Error).message }));
  }
}

function update(id: string, change: (doc: OpenDocument) => OpenDocument): void {
  documentStore.set((state) =>
    state.status === 'open' && state.doc.id === id ? { status: 'open', doc: change(state.doc) } : state,
  );
}
