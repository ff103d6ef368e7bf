import type { PostSummary } from '../../../shared/api';

/** What a tab calls post `id`: its title from the post list, else its file name. */
export function tabLabel(id: string, posts: readonly PostSummary[]): string {
  const title = posts.find((post) => post.id === id)?.title.trim();
  if (title) return title;
  return id.slice(id.lastIndexOf('/') + 1) || id;
}
