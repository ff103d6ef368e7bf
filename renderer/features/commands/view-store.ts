import { createStore } from '../../state/create-store';

/** Which panes of the editor are shown. */
export interface ViewState {
  preview: boolean;
  form: boolean;
}

/** The pane toggles of View > Toggle Preview / Toggle Front Matter Form. */
export const viewStore = createStore<ViewState>({ preview: true, form: true });

/** Shows or hides one pane. */
export function togglePane(pane: keyof ViewState): void {
  viewStore.set((state) => ({ ...state, [pane]: !state[pane] }));
}
