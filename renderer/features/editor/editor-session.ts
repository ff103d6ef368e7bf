import type { EditorView } from '@codemirror/view';
import { createStore } from '../../state/create-store';

/** Where the caret is in the body editor (1-based line and column), for the status bar. */
export interface CaretPosition {
  line: number;
  column: number;
  /** How many selection ranges there are (more than one with multiple cursors). */
  ranges: number;
}

/** The caret of the body editor; null while no editor is open. */
export const caretStore = createStore<CaretPosition | null>(null);

/** True while the body editor has keyboard focus (the status bar's Tab hint follows it). */
export const editorFocusStore = createStore(false);

let currentView: EditorView | null = null;

/** Records the body editor's view while it exists (null when it goes), for the problems list. */
export function setCurrentEditor(view: EditorView | null): void {
  currentView = view;
  if (view === null) {
    caretStore.set(null);
    editorFocusStore.set(false);
  }
}

/** The body editor's view, if one is open. */
export function currentEditor(): EditorView | null {
  return currentView;
}
