import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardWebContents } from '../../../../electron/shell/navigation-guards';
import { confirmingOpenExternal, isPrivateNetworkUrl } from '../../../../electron/shell/external-links';
import { fixtureSitesDir, tempDir } from '../../../support/temp-site';
import { electronFake, fakeEvent, FakeWebContents, state } from '../../../support/fake-electron';

// Issue 10's Electron items on the wiring, with the fake electron module: every frame's navigation
// is guarded (not only the main frame's), and a link to this machine or a private network opens only
// after a native message box said yes.

type Contents = Parameters<typeof guardWebContents>[0];

describe('will-frame-navigate and will-redirect guard every frame', () => {
  const guarded = (): FakeWebContents => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as Contents, async () => undefined);
    return contents;
  };

  it('refuses a subframe navigating anywhere but the preview document', () => {
    const contents = guarded();
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'javascript:x',
      'data:text/html,x',
    ]) {
      const event = fakeEvent({ isMainFrame: false, url });
      contents.emit('will-frame-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
      const redirect = fakeEvent({ isMainFrame: false, url });
      contents.emit('will-redirect', redirect);
      expect(redirect.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('lets the preview frame load its own srcdoc (and a blank frame), and never the main frame', () => {
    const contents = guarded();
    for (const url of ['about:srcdoc', 'about:blank', 'app://postdesk/index.html']) {
      const event = fakeEvent({ isMainFrame: false, url });
      contents.emit('will-frame-navigate', event);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
      const main = fakeEvent({ isMainFrame: true, url });
      contents.emit('will-frame-navigate', main);
      expect(main.preventDefault, url).toHaveBeenCalled();
    }
  });
});

describe('links to this machine or a private network', () => {
  it.each([
    'http://127.0.0.1:8080/',
    'http://127.5.6.7/',
    'http://localhost:3000/admin',
    'http://app.localhost/',
    'http://[::1]:9000/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://10.0.0.1/',
    'http://172.16.4.2/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0:8000/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://router/',
    'http://printer.local/',
    'https://nas.lan/',
  ])('%s is private', (url) => {
    expect(isPrivateNetworkUrl(url)).toBe(true);
  });

  it.each([
    'https://gohugo.io/',
    'http://172.32.0.1/',
    'http://8.8.8.8/',
    'https://[2001:db8::1]/',
    'https://example.org:8443/x',
  ])('%s is public', (url) => {
    expect(isPrivateNetworkUrl(url)).toBe(false);
  });

  it('asks before opening a private URL, opens public ones at once, and never anything but http(s)', async () => {
    const opened: string[] = [];
    const asked: string[] = [];
    let answer = false;
    const open = confirmingOpenExternal(
      async (url) => void opened.push(url),
      async (url) => {
        asked.push(url);
        return answer;
      },
    );
    await open('http://127.0.0.1:9999/shutdown');
    expect(opened).toEqual([]);
    answer = true;
    await open('http://127.0.0.1:9999/shutdown');
    await open('https://gohugo.io/');
    await open('javascript:alert(1)');
    await open('file:///etc/passwd');
    expect(asked).toEqual(['http://127.0.0.1:9999/shutdown', 'http://127.0.0.1:9999/shutdown']);
    expect(opened).toEqual(['http://127.0.0.1:9999/shutdown', 'https://gohugo.io/']);
  });
});

describe('main.ts wiring of openExternal', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const argv = process.argv;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await cp(path.join(fixtureSitesDir, 'hugo-basic'), path.join(dir, 'site'), { recursive: true });
    process.argv = [
      'electron',
      'main.cjs',
      '--site',
      path.join(dir, 'site'),
      '--user-data-dir',
      path.join(dir, 'profile'),
    ];
    vi.resetModules();
  });
  afterEach(async () => {
    process.argv = argv;
    electronFake.app.emit('window-all-closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await cleanup();
  });

  it('a window.open to a loopback URL shows a native message box and opens only on "Open in Browser"', async () => {
    await import('../../../../electron/main');
    await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 5000 });
    const handler = state.windows[0]!.webContents.windowOpenHandler!;
    electronFake.shell.openExternal.mockClear();
    electronFake.dialog.showMessageBox.mockClear();
    electronFake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(handler({ url: 'http://127.0.0.1:5000/admin' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electronFake.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const options = electronFake.dialog.showMessageBox.mock.calls[0]?.at(-1) as unknown as {
      message: string;
      buttons: string[];
    };
    expect(options.message).toContain('127.0.0.1:5000');
    expect(options.buttons).toEqual(['Cancel', 'Open in Browser']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electronFake.shell.openExternal).not.toHaveBeenCalled();
    electronFake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    handler({ url: 'http://127.0.0.1:5000/admin' });
    await vi.waitFor(() =>
      expect(electronFake.shell.openExternal).toHaveBeenCalledWith('http://127.0.0.1:5000/admin'),
    );
    handler({ url: 'https://gohugo.io/' });
    await vi.waitFor(() =>
      expect(electronFake.shell.openExternal).toHaveBeenCalledWith('https://gohugo.io/'),
    );
    expect(electronFake.dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });
});
