import { createStore } from '../../state/create-store';

/** Which palette is open: the command palette, quick open of posts, or none. */
export type PaletteMode = 'commands' | 'posts' | null;

/** The open palette. */
export const paletteStore = createStore<PaletteMode>(null);
