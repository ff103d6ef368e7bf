/**
 * The Electron main process: thin wiring. The library (./library) does the file work, the hosts
 * (./host) carry the contract, and ./shell holds the window, its guards, the menu, the single
 * instance lock, the remembered window state, recent sites and the close confirmation.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import type { CloseReason, MenuCommand } from '../shared/api';
import { appScheme, assetScheme, isExternalUrlAllowed, serveAppRequest } from './app-protocol';
import { parseCommandLine } from './command-line';
import { createDesktopHandlers } from './host/desktop-handlers';
import { forwardEvents, registerIpcHost, sendEvent } from './host/ipc-host';
import { createLibrary } from './library/library-service';
import { ensureSampleSite } from './library/sample-site';
import { assetHeaders } from './library/site-assets';
import { showAbout } from './shell/about';
import { buildMenuTemplate } from './shell/app-menu';
import { createCloseGuard } from './shell/close-guard';
import { askWithMessageBox, confirmingOpenExternal } from './shell/external-links';
import { createMainWindow } from './shell/main-window';
import { denyAllPermissions, guardWebContents } from './shell/navigation-guards';
import { RecentSites } from './shell/recent-sites';
import { claimSingleInstance } from './shell/single-instance';
import { attachSpellCheck } from './shell/spell-check';
import { siteFromArgv } from './shell/site-argument';
import { isTrustedSender } from './shell/trusted-sender';
import { loadWindowState, saveWindowState, windowStateFile } from './shell/window-state';

const options = parseCommandLine(process.argv.slice(1));
if (options.userDataDir) app.setPath('userData', path.resolve(options.userDataDir));

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: assetScheme, privileges: { standard: true, secure: true } },
]);

const outDir = path.join(__dirname, '..');
const rendererDir = path.join(outDir, 'renderer');
const userData = app.getPath('userData');
/**
 * Hands a link to the OS browser: only URLs that parse as http or https (checked again here), and
 * one to this machine or a private network only after the user agreed in a message box.
 */
const openExternal = confirmingOpenExternal(
  async (url) => {
    if (isExternalUrlAllowed(url)) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  },
  askWithMessageBox(dialog, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null)),
);

let mainWindow: BrowserWindow | null = null;
let rendererAlive = false;
let closeConfirmed = false;
let quitRequested = false;

const guard = createCloseGuard((requestId, reason: CloseReason) => {
  if (!mainWindow || mainWindow.isDestroyed() || !rendererAlive) return false;
  sendEvent(mainWindow.webContents, 'closeRequested', { requestId, reason });
  return true;
});
const library = createLibrary({
  backupDir: path.join(userData, 'backups'),
  diagnosticsDir: path.join(userData, 'diagnostics'),
  trashItem: (file) => shell.trashItem(file),
  canReveal: true,
});
const desktopHandlers = createDesktopHandlers(library, {
  revealItem: (file) => shell.showItemInFolder(file),
  onCloseAnswer: (requestId, proceed) => guard.answer(requestId, proceed),
});
const recent = new RecentSites(userData);

function sendCommand(command: MenuCommand): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    sendEvent(mainWindow.webContents, 'menuCommand', { command });
  }
}

function refreshMenu(): void {
  const template = buildMenuTemplate(
    {
      send: sendCommand,
      openSite: () => void chooseSite(),
      openRecent: (folder) => void switchSite(folder),
      clearRecent: () => void recent.clear().then(refreshMenu),
      about: () => void showAbout(dialog, app, mainWindow),
    },
    recent.list(),
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Opens another site after the renderer agreed to leave unsaved work (Save / Don't Save). */
async function switchSite(folder: string): Promise<void> {
  if (!(await guard.ask('switch-site'))) return;
  try {
    const info = await library.handlers.openSite({ path: folder });
    await recent.add(info.root);
    refreshMenu();
  } catch (error) {
    dialog.showErrorBox('Postdesk could not open the site', (error as Error).message);
  }
}

async function chooseSite(): Promise<void> {
  const options = { title: 'Open Site', properties: ['openDirectory' as const] };
  const chosen = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  const folder = chosen.filePaths[0];
  if (!chosen.canceled && folder) await switchSite(folder);
}

async function openWindow(): Promise<void> {
  const stateFile = windowStateFile(userData);
  const areas = screen.getAllDisplays().map((display) => display.workArea);
  const window = createMainWindow({
    preloadPath: path.join(__dirname, 'preload.cjs'),
    state: await loadWindowState(stateFile, areas),
    openExternal,
    onStateChange: (state) =>
      void saveWindowState(stateFile, state).catch((error: unknown) =>
        library.report('shell.window-state', null, error),
      ),
  });
  mainWindow = window;
  attachSpellCheck(window.webContents, {
    session: session.defaultSession,
    preferredLanguages: app.getPreferredSystemLanguages(),
    platform: process.platform,
    popup: (template) => Menu.buildFromTemplate(template).popup({ window }),
  });
  rendererAlive = false;
  closeConfirmed = false;
  window.webContents.on('did-finish-load', () => (rendererAlive = true));
  window.webContents.on('render-process-gone', () => (rendererAlive = false));
  window.on('close', (event) => {
    if (closeConfirmed) return;
    event.preventDefault();
    void guard.ask('close-window').then((proceed) => {
      if (!proceed || window.isDestroyed()) {
        quitRequested = false;
        return;
      }
      closeConfirmed = true;
      window.close();
      // Quitting (Cmd+Q on macOS, where closing the last window does not quit) goes on once agreed.
      if (quitRequested) app.quit();
    });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  forwardEvents(library, window.webContents);
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, (request) => serveAppRequest(rendererDir, request.url));
  protocol.handle(assetScheme, async (request) => {
    try {
      const id = decodeURIComponent(new URL(request.url).pathname.slice(1));
      const found = await library.readAsset(id);
      return new Response(found.bytes, { headers: assetHeaders(found.contentType) });
    } catch {
      // Not a site file (outside, missing, refused): the page gets a 404 like any missing asset.
      return new Response('Not found', { status: 404 });
    }
  });
  registerIpcHost(ipcMain, library, isTrustedSender, desktopHandlers);
  await recent.load();
  const site =
    siteFromArgv(process.argv, process.cwd(), app.getAppPath()) ??
    (await ensureSampleSite(userData, path.join(outDir, 'sample-site')));
  const info = await library.handlers.openSite({ path: site });
  await recent.add(info.root).catch((error: unknown) => library.report('shell.recent-sites', null, error));
  refreshMenu();
  await openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
}

if (
  claimSingleInstance(app, (site) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    if (site) void switchSite(site);
  })
) {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('before-quit', () => (quitRequested = true));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Postdesk could not start:', error);
      app.exit(1);
    });
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin') return;
    void library.close();
    app.quit();
  });
}
