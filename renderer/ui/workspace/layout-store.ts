import { createStore } from '../../state/create-store';

/** How the workspace is arranged: every pane, the editor alone (focus), or the preview alone (reading). */
export type LayoutMode = 'panes' | 'focus' | 'reading';

/** The workspace's arrangement: its mode and whether the sidebar is collapsed. */
export interface LayoutState {
  mode: LayoutMode;
  sidebarCollapsed: boolean;
}

/** The current arrangement of the workspace (not saved: each window starts with every pane). */
export const layoutStore = createStore<LayoutState>({ mode: 'panes', sidebarCollapsed: false });

/** Switches to `mode`, or back to every pane when it is already on. */
export function toggleLayoutMode(mode: Exclude<LayoutMode, 'panes'>): void {
  layoutStore.set((state) => ({ ...state, mode: state.mode === mode ? 'panes' : mode }));
}

/** Collapses or expands the sidebar. */
export function setSidebarCollapsed(collapsed: boolean): void {
  layoutStore.set((state) =>
    state.sidebarCollapsed === collapsed ? state : { ...state, sidebarCollapsed: collapsed },
  );
}
