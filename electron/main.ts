/**
 * The Electron main process: a thin shell that wires the library to a secure window. File logic
 * lives in ./library, the contract's IPC adapter in ./host; this file only decides lifecycle.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { appOrigin, appScheme, assetScheme, isExternalUrlAllowed, serveAppRequest } from './app-protocol';
import { assetHeaders } from './library/site-assets';
import { parseCommandLine } from './command-line';
import { forwardEvents, registerIpcHost } from './host/ipc-host';
import { createLibrary } from './library/library-service';
import { ensureSampleSite } from './library/sample-site';

const options = parseCommandLine(process.argv.slice(1));
if (options.userDataDir) app.setPath('userData', path.resolve(options.userDataDir));

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: assetScheme, privileges: { standard: true, secure: true } },
]);

const outDir = path.join(__dirname, '..');
const rendererDir = path.join(outDir, 'renderer');
const library = createLibrary({
  trashItem: (file) => shell.trashItem(file),
  revealItem: (file) => shell.showItemInFolder(file),
});

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Postdesk',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  forwardEvents(library, window.webContents);
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app
  .whenReady()
  .then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    protocol.handle(appScheme, (request) => serveAppRequest(rendererDir, request.url));
    protocol.handle(assetScheme, async (request) => {
      try {
        const id = decodeURIComponent(new URL(request.url).pathname.slice(1));
        const found = await library.readAsset(id);
        return new Response(found.bytes, { headers: assetHeaders(found.contentType) });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });
    registerIpcHost(ipcMain, library, (frame) => frame !== null && frame.url.startsWith(`${appOrigin}/`));
    const site =
      options.site ?? (await ensureSampleSite(app.getPath('userData'), path.join(outDir, 'sample-site')));
    await library.handlers.openSite({ path: site });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((error: unknown) => {
    console.error('Postdesk could not start:', error);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  void library.close();
  if (process.platform !== 'darwin') app.quit();
});
