import { createStore, type Store } from '../../state/create-store';

/** Which panes of the editor are shown. */
export interface ViewState {
  preview: boolean;
  form: boolean;
}

/** The pane toggles of View > Toggle Preview / Toggle Front Matter Form. */
export interface ViewModel {
  store: Store<ViewState>;
  /** Shows or hides one pane. */
  togglePane(pane: keyof ViewState): void;
}

/** Builds a window's pane toggles (both panes shown). */
export function createViewState(): ViewModel {
  const store = createStore<ViewState>({ preview: true, form: true });
  return {
    store,
    togglePane(pane) {
      store.set((state) => ({ ...state, [pane]: !state[pane] }));
    },
  };
}
