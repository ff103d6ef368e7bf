import { BrowserWindow, type Rectangle } from 'electron';
import { appOrigin } from '../app-protocol';
import { guardWebContents, type OpenExternal } from './navigation-guards';
import { defaultWindowSize, type WindowState } from './window-state';

/** How to open the main window. */
export interface MainWindowOptions {
  preloadPath: string;
  /** The saved size and position, or null for a centred window of the default size. */
  state: WindowState | null;
  openExternal: OpenExternal;
  /** Called with the window's state whenever it is moved, resized or closed. */
  onStateChange(state: WindowState): void;
}

/**
 * Opens the Postdesk window on `app://postdesk/index.html` with the secure web preferences and the
 * navigation guards, at its remembered size and position; shown once the page is ready.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...(options.state ? options.state.bounds : defaultWindowSize),
    minWidth: 480,
    minHeight: 360,
    title: 'Postdesk',
    show: false,
    // Written out here (not built elsewhere) so reviewers and Electronegativity see them at the
    // window: isolated, sandboxed, no Node in the page, its frames or workers, web security on, no
    // insecure content, no <webview>, no middle-click (auxclick) window opening.
    webPreferences: {
      // The preload exposes only the contract's named methods (test/unit/electron/ipc-and-preload.test.ts).
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      // The platform's spell checker (languages and the suggestions menu: shell/spell-check.ts).
      spellcheck: true,
    },
  });
  if (options.state?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  guardWebContents(window.webContents, options.openExternal);
  let timer: NodeJS.Timeout | null = null;
  const report = (): void => {
    if (window.isDestroyed()) return;
    const bounds: Rectangle = window.getNormalBounds();
    options.onStateChange({ bounds, maximized: window.isMaximized() });
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(report, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    report();
  });
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
