import { BrowserWindow, type Rectangle } from 'electron';
import { appOrigin } from '../app-protocol';
import { guardWebContents, type OpenExternal } from './navigation-guards';
import { defaultWindowSize, type WindowState } from './window-state';
import { secureWebPreferences } from './web-preferences';

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
    webPreferences: secureWebPreferences(options.preloadPath),
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
