/** What each host can do, declared in the contract so the renderer never sniffs its environment. */

/** The two hosts that carry the contract. */
export type HostKind = 'desktop' | 'browser';

/** What a host can do beyond the common contract. */
export interface HostCapabilities {
  host: HostKind;
  /** Shows a post's file in the platform's file manager (`revealPost`). */
  reveal: boolean;
  /** Moves deleted posts to the platform's trash (else the site's `.postdesk-trash/`). */
  systemTrash: boolean;
  /** A native menu and window: the main process asks before closing (`closeRequested`, `confirmClose`). */
  nativeWindow: boolean;
}

/** The capabilities of each host. */
export const hostCapabilities: Record<HostKind, HostCapabilities> = {
  desktop: { host: 'desktop', reveal: true, systemTrash: true, nativeWindow: true },
  browser: { host: 'browser', reveal: false, systemTrash: false, nativeWindow: false },
};

/**
 * The methods only the desktop host serves: their handlers are composed in the IPC host
 * (electron/host/desktop-handlers.ts), and the browser-mode host answers `unsupported`.
 */
export const desktopOnlyMethods = ['revealPost', 'confirmClose'] as const;

/** One of the desktop-only methods. */
export type DesktopOnlyMethod = (typeof desktopOnlyMethods)[number];
