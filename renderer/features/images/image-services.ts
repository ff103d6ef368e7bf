import type { EditorView } from '@codemirror/view';
import type { PostdeskApi } from '../../../shared/api';
import { createStore, type Store } from '../../state/create-store';
import type { DocumentState } from '../../state/document-store';

/** What the image features need from the app: the contract, asset URLs and the site's static folder. */
export interface ImageServices {
  api: PostdeskApi;
  /** The URL that loads a site file (by site-relative id) from the host. */
  assetUrl(id: string): string;
  staticDir: string | null;
  /** The window's active tab (images are added to the post open there). */
  activeDocument?: Store<DocumentState>;
  /** Remembers an image added to a post and not saved yet (removed if the post does not keep it). */
  trackAddedImage?: (postId: string, id: string, url: string) => void;
}

/** Set by ImageTools while the app is open, so image components deep in forms need no extra props. */
export const imageServicesStore = createStore<ImageServices | null>(null);

/** The body editor currently on screen (set by the image editor extension), or null. */
export const editorViewStore = createStore<EditorView | null>(null);

/** Reads a File's bytes as base64, for the contract's importImage. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

const imageExtension = /\.(png|jpe?g|jpe|gif|webp|avif|svg)$/i;

/** True when a dropped or pasted file may be an image (the host still checks its bytes). */
export function looksLikeImage(file: File): boolean {
  return file.type.startsWith('image/') || (file.type === '' && imageExtension.test(file.name));
}
