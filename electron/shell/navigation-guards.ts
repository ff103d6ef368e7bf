import type { Session, WebContents } from 'electron';
import { isExternalUrlAllowed } from '../app-protocol';

/** Opens a URL in the OS browser (Electron's shell.openExternal in the app, a recorder in tests). */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Locks one web contents in place: it never navigates away (`will-navigate`, `will-redirect`, and
 * `will-frame-navigate` of every frame: a subframe may load only about:srcdoc, about:blank or the
 * app's own pages), never attaches a <webview>, and never opens a window; a link meant for a new window goes to the
 * OS browser only when it parses as an http or https URL.
 */
export function guardWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  // Every frame, not only the main one: a subframe may load only the preview's own document.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || !isOwnFrameUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The OS could not open the link: the page stays where it is and nothing is lost.
    if (isExternalUrlAllowed(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** True for what a subframe of the app may show: the preview's srcdoc, a blank frame, the app's own pages. */
function isOwnFrameUrl(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank' || url.startsWith('app://postdesk/');
}

/** Refuses every permission request and check (camera, notifications, geolocation, ...) of a session. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
