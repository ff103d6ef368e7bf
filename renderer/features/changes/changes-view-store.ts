import { createStore } from '../../state/create-store';

/** Whether the Changes panel is open. */
export const changesOpenStore = createStore(false);

/** Opens or closes the Changes panel. */
export function toggleChanges(open?: boolean): void {
  changesOpenStore.set((now) => open ?? !now);
}
