import type { EditorView } from '@codemirror/view';
import { imageSizeLimit, type SiteImage } from '../../../shared/api';
import { createStore } from '../../state/create-store';
import { altFromFileName, baseName, imageMarkup, imageUrlForPost } from './image-markup';
import { fileToBase64, imageServicesStore, looksLikeImage } from './image-services';

/** One image waiting for its alt text: a new file (pasted, dropped) or an image the site already has. */
export type ImageRequest =
  | {
      id: number;
      kind: 'file';
      /** The post open when the image arrived: it is inserted there or not at all. */
      postId: string | null;
      file: File;
      view: EditorView;
      pos: number;
      large: boolean;
      suggestedAlt: string;
    }
  | {
      id: number;
      kind: 'existing';
      postId: string | null;
      image: SiteImage;
      view: EditorView;
      pos: number;
      large: false;
      suggestedAlt: string;
    };

let nextRequestId = 1;

/** The images waiting to be inserted (the first is asked about), the one being added, and the last problem. */
export interface ImageImportState {
  queue: ImageRequest[];
  busy: boolean;
  /** A message for the user (a refused file, a failed import), shown as an alert. */
  notice: string | null;
  /** Bumped after each import so lists of site images refresh. */
  imported: number;
}

/** The alt-text dialog's queue and notices. */
export const imageImportStore = createStore<ImageImportState>({
  queue: [],
  busy: false,
  notice: null,
  imported: 0,
});

/**
 * Queues pasted or dropped files for insertion at `pos` of `view`; files that are not images are
 * refused at once with a notice, and each image waits for its alt text in the dialog.
 */
export function requestFiles(view: EditorView, files: File[], pos: number): void {
  const refused = files.filter((file) => !looksLikeImage(file));
  const accepted: ImageRequest[] = files.filter(looksLikeImage).map((file) => ({
    id: nextRequestId++,
    kind: 'file',
    postId: openPostId(),
    file,
    view,
    pos,
    large: file.size > imageSizeLimit,
    suggestedAlt: altFromFileName(file.name),
  }));
  imageImportStore.set((state) => ({
    ...state,
    queue: [...state.queue, ...accepted],
    notice:
      refused.length > 0
        ? `${refused.map((file) => `"${file.name || 'The pasted file'}"`).join(', ')} ${
            refused.length === 1 ? 'is not an image' : 'are not images'
          }: only PNG, JPEG, GIF, WebP, AVIF and SVG files can be added.`
        : state.notice,
  }));
}

/** Queues an image of the site for insertion at the cursor of `view`. */
export function requestExisting(view: EditorView, image: SiteImage): void {
  const request: ImageRequest = {
    id: nextRequestId++,
    kind: 'existing',
    postId: openPostId(),
    image,
    view,
    pos: view.state.selection.main.head,
    large: false,
    suggestedAlt: altFromFileName(baseName(image.id)),
  };
  imageImportStore.set((state) => ({ ...state, queue: [...state.queue, request] }));
}

/** Drops the first queued image without inserting it. */
export function cancelFirst(): void {
  imageImportStore.set((state) => ({ ...state, queue: state.queue.slice(1) }));
}

/** Clears the notice. */
export function dismissNotice(): void {
  imageImportStore.set((state) => ({ ...state, notice: null }));
}

/**
 * Adds the first queued image with `alt`: copies a new file into the site through the host, then
 * inserts the markup for the open post's body kind at the remembered position. A failure becomes
 * the notice and nothing is inserted.
 */
export async function completeFirst(alt: string): Promise<void> {
  const state = imageImportStore.get();
  const request = state.queue[0];
  const services = imageServicesStore.get();
  const open = services?.activeDocument?.get() ?? { status: 'empty' };
  if (!request || state.busy) return;
  if (!services || open.status !== 'open') {
    imageImportStore.set((s) => ({
      ...s,
      queue: s.queue.slice(1),
      notice: 'Open a post to add images to it.',
    }));
    return;
  }
  if (open.doc.id !== request.postId || !request.view.dom.isConnected) {
    imageImportStore.set((s) => ({
      ...s,
      queue: s.queue.slice(1),
      notice: 'The post changed before the image was added; nothing was inserted.',
    }));
    return;
  }
  imageImportStore.set((s) => ({ ...s, busy: true }));
  try {
    let url: string;
    if (request.kind === 'file') {
      const added = await services.api.importImage({
        postId: open.doc.id,
        fileName: request.file.name,
        data: await fileToBase64(request.file),
        alt,
        confirmLarge: request.large,
      });
      url = added.url;
      services.trackAddedImage?.(open.doc.id, added.id, added.url);
    } else {
      url = imageUrlForPost(request.image, open.doc.id);
    }
    const markup = imageMarkup(open.doc.bodyKind, url, alt);
    insertAt(request.view, request.pos, markup);
    imageImportStore.set((s) => ({
      ...s,
      busy: false,
      imported: s.imported + (request.kind === 'file' ? 1 : 0),
      queue: s.queue
        .slice(1)
        .map((next) =>
          next.view === request.view && next.pos >= request.pos
            ? { ...next, pos: next.pos + markup.length }
            : next,
        ),
    }));
  } catch (error) {
    imageImportStore.set((s) => ({
      ...s,
      busy: false,
      queue: s.queue.slice(1),
      notice: (error as Error).message,
    }));
  }
}

function insertAt(view: EditorView, pos: number, markup: string): void {
  const at = Math.min(Math.max(pos, 0), view.state.doc.length);
  view.dispatch({
    changes: { from: at, insert: markup },
    selection: { anchor: at + markup.length },
    scrollIntoView: true,
    userEvent: 'input.paste',
  });
  view.focus();
}

function openPostId(): string | null {
  const state = imageServicesStore.get()?.activeDocument?.get();
  if (!state) return null;
  return state.status === 'open' ? state.doc.id : null;
}

/** Tells lists of site images that a new one was added (they reload). */
export function bumpImported(): void {
  imageImportStore.set((state) => ({ ...state, imported: state.imported + 1 }));
}
