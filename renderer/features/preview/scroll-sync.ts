import { createStore } from '../../state/create-store';

/** Which pane a scroll position comes from. */
export type ScrollSide = 'editor' | 'preview';

/** Where a pane is scrolled: the body line at its top (1-based, fractional) and the fraction scrolled. */
export interface ScrollPosition {
  line: number;
  fraction: number;
}

/** Whether the editor and the preview follow each other's scrolling (the toggle). */
export const scrollSyncEnabled = createStore(true);

const listeners: Record<ScrollSide, Set<(position: ScrollPosition) => void>> = {
  editor: new Set(),
  preview: new Set(),
};
const mutedUntil: Record<ScrollSide, number> = { editor: 0, preview: 0 };
const echoMs = 120;

/**
 * Tells the other pane that `side` was scrolled by the user; ignored while sync is off and for a
 * moment after `side` was itself scrolled to follow the other pane (so the two never ping-pong).
 */
export function publishScroll(side: ScrollSide, position: ScrollPosition): void {
  if (!scrollSyncEnabled.get()) return;
  const now = performance.now();
  if (now < mutedUntil[side]) return;
  const other: ScrollSide = side === 'editor' ? 'preview' : 'editor';
  mutedUntil[other] = now + echoMs;
  for (const listener of listeners[other]) listener(position);
}

/** Calls `listener` with the positions the other pane publishes; answers an unsubscribe function. */
export function followScroll(side: ScrollSide, listener: (position: ScrollPosition) => void): () => void {
  listeners[side].add(listener);
  return () => listeners[side].delete(listener);
}
