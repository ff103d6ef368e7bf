import type { App, BrowserWindow, Dialog } from 'electron';

/** Shows Help > About: the product, its version and the Electron, Chromium and Node it runs on. */
export async function showAbout(dialog: Dialog, app: App, window: BrowserWindow | null): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Postdesk',
    message: `Postdesk ${app.getVersion()}`,
    detail: [
      'A desktop editor for the posts of static-site blogs.',
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
