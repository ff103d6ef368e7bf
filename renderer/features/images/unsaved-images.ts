import type { PostdeskApi } from '../../../shared/api';
import type { DocumentsModel } from '../../state/document-store';

/** An image the host added for a post since that post was last saved or read from disk. */
interface AddedImage {
  id: string;
  url: string;
}

/** A window's record of the images added to its posts and not saved yet (see watchUnsavedImages). */
export interface UnsavedImages {
  /** Remembers that `id` (written in the post as `url`) was added to post `postId` and is not saved yet. */
  track(postId: string, id: string, url: string): void;
  /** Stops watching (the images still tracked stay on disk). */
  stop(): void;
}

/**
 * Watches the open posts and removes, through the host, the images added to a post that the post
 * did not keep: when its tab closes without saving, or when it is saved or reloaded from disk and
 * neither the saved text nor the editor's text names them (undo history aside: a reload or a save
 * is where an edit is given up or kept). Answers the function that stops watching.
 */
export function watchUnsavedImages(api: PostdeskApi, documents: DocumentsModel): UnsavedImages {
  const added = new Map<string, AddedImage[]>();
  const seen = new Map<string, { savedText: string; loads: number }>();
  /** The images of `postId` that no text still names, and those some text names (kept, no longer tracked). */
  const settle = (postId: string, texts: readonly string[]): string[] => {
    const list = added.get(postId) ?? [];
    added.delete(postId);
    seen.delete(postId);
    return list.filter((image) => !texts.some((text) => text.includes(image.url))).map((image) => image.id);
  };
  const track = (postId: string, id: string, url: string): void => {
    const list = added.get(postId) ?? [];
    list.push({ id, url });
    added.set(postId, list);
    const state = documents.store.get().docs[postId];
    if (state?.status === 'open' && !seen.has(postId)) {
      seen.set(postId, { savedText: state.doc.savedText, loads: state.doc.loads });
    }
  };
  const stop = documents.store.subscribe(() => {
    if (added.size === 0) return;
    const docs = documents.store.get().docs;
    const discard: string[] = [];
    for (const postId of [...added.keys()]) {
      const state = docs[postId];
      if (!state || state.status !== 'open') {
        if (state?.status === 'loading') continue;
        // Closed (or renamed): keep what any open post still names.
        const texts = documents.list().flatMap((doc) => [doc.text, doc.savedText]);
        const last = seen.get(postId);
        discard.push(...settle(postId, last ? [...texts, last.savedText] : texts));
        continue;
      }
      const { doc } = state;
      const before = seen.get(postId);
      if (!before) {
        seen.set(postId, { savedText: doc.savedText, loads: doc.loads });
        continue;
      }
      if (before.savedText === doc.savedText && before.loads === doc.loads) continue;
      if (doc.saving) continue;
      discard.push(...settle(postId, [doc.savedText, doc.text]));
    }
    if (discard.length > 0) void api.discardImages({ ids: discard }).catch(() => undefined);
  });
  return { track, stop };
}
