import type { PostSummary } from '../../../shared/api';
import { createStore } from '../../state/create-store';

/** The posts picked in the list with Ctrl/Shift click (for bulk edits), and where a Shift range starts. */
export interface PickedPosts {
  ids: string[];
  anchor: string | null;
}

/** The list's multi-selection. */
export const pickedStore = createStore<PickedPosts>({ ids: [], anchor: null });

/** Forgets the multi-selection. */
export function clearPicked(): void {
  pickedStore.set({ ids: [], anchor: null });
}

/**
 * Handles a click with Ctrl/Cmd (toggle the post) or Shift (pick the range from the last picked
 * post) and answers true; a plain click answers false (the list opens the post as usual).
 */
export function pickOnClick(
  posts: readonly PostSummary[],
  index: number,
  event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean },
): boolean {
  const post = posts[index];
  if (!post || !(event.ctrlKey || event.metaKey || event.shiftKey)) return false;
  pickedStore.set((state) => {
    if (event.shiftKey) {
      const from = state.anchor === null ? -1 : posts.findIndex((item) => item.id === state.anchor);
      const start = from === -1 ? index : Math.min(from, index);
      const end = from === -1 ? index : Math.max(from, index);
      const range = posts.slice(start, end + 1).map((item) => item.id);
      return { ids: [...new Set([...state.ids, ...range])], anchor: state.anchor ?? post.id };
    }
    const ids = state.ids.includes(post.id)
      ? state.ids.filter((id) => id !== post.id)
      : [...state.ids, post.id];
    return { ids, anchor: post.id };
  });
  return true;
}
