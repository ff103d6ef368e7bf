import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../../electron/shell/main-window';
import { denyAllPermissions, guardWebContents } from '../../../../electron/shell/navigation-guards';
import { electronFake, fakeEvent, FakeWebContents, state } from '../../../support/fake-electron';

type Contents = Parameters<typeof guardWebContents>[0];
type Session = Parameters<typeof denyAllPermissions>[0];

function openWindow(openExternal = async (_url: string) => undefined) {
  createMainWindow({
    preloadPath: '/app/preload.cjs',
    state: null,
    openExternal,
    onStateChange: () => undefined,
  });
  const window = state.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

describe('the main window', () => {
  it('has the secure web preferences: isolation, sandbox, no Node anywhere, web security, no webview', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toEqual(
      expect.objectContaining({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
      }),
    );
  });

  it('loads the renderer from the app:// protocol, never file://', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://postdesk/index.html');
    for (const [url] of window.loadURL.mock.calls) expect(url).not.toMatch(/^file:/);
  });

  it('blocks every navigation of the page (will-navigate, main-frame will-frame-navigate, will-redirect)', () => {
    const contents = openWindow().webContents;
    for (const [name, extra] of [
      ['will-navigate', {}],
      ['will-frame-navigate', { isMainFrame: true }],
      ['will-redirect', { isMainFrame: true }],
    ] as const) {
      const event = fakeEvent(extra);
      contents.emit(name, event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('refuses to attach a <webview>', () => {
    const event = fakeEvent();
    openWindow().webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and hands only parsed http(s) links to the OS browser', async () => {
    const opened: string[] = [];
    const contents = openWindow(async (url) => void opened.push(url)).webContents;
    const handler = contents.windowOpenHandler!;
    for (const url of [
      'https://gohugo.io/',
      'http://example.com/a?b',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://postdesk/index.html',
      'not a url',
      'HTTPS://EXAMPLE.ORG/',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://gohugo.io/', 'http://example.com/a?b', 'HTTPS://EXAMPLE.ORG/']);
  });

  it('guards any other web contents the same way', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as Contents, electronFake.shell.openExternal);
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const session = electronFake.session.defaultSession;
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      let granted: boolean | null = null;
      request({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://postdesk', {})).toBe(false);
  });
});
