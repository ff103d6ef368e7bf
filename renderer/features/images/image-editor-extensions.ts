import { EditorView, ViewPlugin } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { requestFiles } from './image-import-store';
import { editorViewStore } from './image-services';

function filesOf(transfer: DataTransfer | null): File[] {
  return transfer ? Array.from(transfer.files) : [];
}

function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

/** Keeps `editorViewStore` pointing at the body editor on screen. */
const trackView = ViewPlugin.define((view) => {
  editorViewStore.set(view);
  return {
    destroy() {
      if (editorViewStore.get() === view) editorViewStore.set(null);
    },
  };
});

/**
 * The body editor's image support: files pasted or dropped onto it are queued for the alt-text
 * dialog (at the cursor for a paste, where they fall for a drop) instead of being inserted as text.
 * A paste that also carries plain text (as from a word processor) stays a text paste.
 */
export const imageEditorExtensions: Extension[] = [
  trackView,
  EditorView.domEventHandlers({
    paste(event, view) {
      const files = filesOf(event.clipboardData);
      // Office suites put a picture of the copied text beside the text itself: keep the text.
      if (files.length === 0 || (event.clipboardData?.getData('text/plain') ?? '') !== '') return false;
      event.preventDefault();
      requestFiles(view, files, view.state.selection.main.head);
      return true;
    },
    dragover(event) {
      if (!carriesFiles(event.dataTransfer)) return false;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      return true;
    },
    drop(event, view) {
      const files = filesOf(event.dataTransfer);
      if (files.length === 0) return false;
      event.preventDefault();
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
      requestFiles(view, files, pos);
      return true;
    },
  }),
];
