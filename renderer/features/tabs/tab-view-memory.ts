import type { EditorView } from '@codemirror/view';
import type { DocumentsModel } from '../../state/document-store';
import { currentEditor } from '../editor/editor-session';

/** Where a tab's editor was: its caret or selection and how far it was scrolled. */
export interface TabView {
  anchor: number;
  head: number;
  scrollTop: number;
}

/**
 * How many frames to wait for the shown tab's editor before giving up restoring its place (about
 * 10 s: the editor's code loads on demand, which takes a while on a busy machine).
 */
const maxFrames = 600;

/**
 * Remembers each tab's caret, selection and scroll when another tab is shown, and puts them back
 * once that tab's editor is on screen again (the editor is created afresh per tab), in `views`
 * (seeded with the places of tabs restored after a reload). Returns the function that stops it.
 */
export function rememberTabViews(
  documents: DocumentsModel,
  views: Map<string, TabView> = new Map(),
): () => void {
  const documentsStore = documents.store;
  let activeId = documentsStore.get().activeId;
  let frame = 0;
  // The tab whose place is still to be put back: leaving it before its editor came keeps its place.
  let pending: string | null = null;
  const restore = (id: string, previous: EditorView | null, frames: number): void => {
    pending = id;
    frame = requestAnimationFrame(() => {
      const view = currentEditor();
      if (view === null || view === previous) {
        if (frames < maxFrames) restore(id, previous, frames + 1);
        else pending = null;
        return;
      }
      pending = null;
      const saved = views.get(id);
      if (!saved || documentsStore.get().activeId !== id) return;
      const length = view.state.doc.length;
      view.dispatch({
        selection: { anchor: Math.min(saved.anchor, length), head: Math.min(saved.head, length) },
      });
      view.scrollDOM.scrollTop = saved.scrollTop;
    });
  };
  const unsubscribe = documentsStore.subscribe(() => {
    const all = documentsStore.get();
    for (const id of views.keys()) if (!(id in all.docs)) views.delete(id);
    if (all.activeId === activeId) return;
    const view = currentEditor();
    if (activeId !== null && view !== null && activeId in all.docs && pending !== activeId) {
      const { anchor, head } = view.state.selection.main;
      views.set(activeId, { anchor, head, scrollTop: view.scrollDOM.scrollTop });
    }
    activeId = all.activeId;
    cancelAnimationFrame(frame);
    pending = null;
    if (activeId !== null && views.has(activeId)) restore(activeId, view, 0);
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
  };
}

/** Where the shown tab's editor is now, or null while no editor is on screen. */
export function currentTabView(): TabView | null {
  const view = currentEditor();
  if (view === null) return null;
  const { anchor, head } = view.state.selection.main;
  return { anchor, head, scrollTop: view.scrollDOM.scrollTop };
}
