import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../shared/api';
import { eventChannel, methodChannel } from '../../../shared/ipc-channels';
import { fixtureSitesDir, tempDir } from '../../support/temp-site';
import { electronFake, fakeEvent, FakeWebContents, state } from '../../support/fake-electron';

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

async function startMain(): Promise<void> {
  await import('../../../electron/main');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 5000 });
}

describe('main.ts wiring', () => {
  it('registers the app:// and postdesk-asset:// schemes and takes the single-instance lock', async () => {
    await startMain();
    const schemes = electronFake.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0] as {
      scheme: string;
      privileges: Record<string, boolean>;
    }[];
    expect(schemes.map((entry) => entry.scheme)).toEqual(['app', 'postdesk-asset']);
    for (const entry of schemes) expect(entry.privileges).toMatchObject({ standard: true, secure: true });
    expect([...state.protocolHandlers.keys()]).toEqual(['app', 'postdesk-asset']);
    expect(electronFake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electronFake.app.setPath).toHaveBeenCalledWith('userData', path.join(dir, 'profile'));
  });

  it('wires permissions, IPC for every method, the menu and a secure window on app://', async () => {
    await startMain();
    expect(electronFake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electronFake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect([...state.ipcHandlers.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalled();
    const window = state.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://postdesk/index.html');
    const other = new FakeWebContents();
    electronFake.app.emit('web-contents-created', {}, other);
    const event = fakeEvent();
    other.emit('will-navigate', event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(other.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('turns the spell checker on with the OS languages and shows suggestions on right click', async () => {
    await startMain();
    const window = state.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({ spellcheck: true });
    if (process.platform !== 'darwin') {
      expect(electronFake.session.defaultSession.setSpellCheckerLanguages).toHaveBeenCalledWith([
        'en-GB',
        'fr',
      ]);
    }
    window.webContents.emit('context-menu', fakeEvent(), {
      misspelledWord: 'wrod',
      dictionarySuggestions: ['word'],
      isEditable: true,
      editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
    });
    const built = electronFake.Menu.buildFromTemplate.mock.results.at(-1)!.value as {
      template: { label?: string }[];
      popup: ReturnType<typeof vi.fn>;
    };
    expect(built.template[0]).toMatchObject({ label: 'word' });
    expect(built.popup).toHaveBeenCalled();
  });

  it('asks the renderer before closing and closes only after confirmClose says so', async () => {
    await startMain();
    const window = state.windows[0]!;
    window.webContents.emit('did-finish-load');
    const first = fakeEvent();
    window.emit('close', first);
    expect(first.preventDefault).toHaveBeenCalled();
    const [channel, payload] = window.webContents.send.mock.calls.find(
      ([name]) => name === eventChannel('closeRequested'),
    ) as [string, { requestId: number; reason: string }];
    expect(channel).toBe(eventChannel('closeRequested'));
    expect(payload.reason).toBe('close-window');
    const confirm = state.ipcHandlers.get(methodChannel('confirmClose'))!;
    const trusted = { senderFrame: { url: 'app://postdesk/index.html', parent: null } };
    await confirm(trusted, { requestId: payload.requestId, proceed: false });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.close).not.toHaveBeenCalled();

    window.emit('close', fakeEvent());
    const second = window.webContents.send.mock.calls.filter(
      ([name]) => name === eventChannel('closeRequested'),
    )[1]?.[1] as {
      requestId: number;
    };
    const refused = await confirm(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      {
        requestId: second.requestId,
        proceed: true,
      },
    );
    expect(refused).toMatchObject({ ok: false });
    expect(window.close).not.toHaveBeenCalled();
    await confirm(trusted, { requestId: second.requestId, proceed: true });
    await vi.waitFor(() => expect(window.close).toHaveBeenCalled());
  });

  it('a second launch naming a folder focuses the window and opens that site', async () => {
    await startMain();
    const window = state.windows[0]!;
    const other = path.join(dir, 'other');
    await cp(path.join(fixtureSitesDir, 'hugo-basic'), other, { recursive: true });
    electronFake.app.emit('second-instance', {}, ['/usr/bin/postdesk', other], '/');
    expect(window.focus).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith(
        eventChannel('siteOpened'),
        expect.objectContaining({ site: expect.objectContaining({ name: 'other' }) }),
      ),
    );
  });

  it('File > Open Site… opens the chosen folder, tells the renderer and lists it in Open Recent; About shows', async () => {
    await startMain();
    const window = state.windows[0]!;
    const chosen = path.join(dir, 'chosen');
    await cp(path.join(fixtureSitesDir, 'hugo-basic'), chosen, { recursive: true });
    (electronFake.dialog.showOpenDialog as unknown as ReturnType<typeof vi.fn>).mockResolvedValueOnce({
      canceled: false,
      filePaths: [chosen],
    });
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const items = (): Item[] => {
      const calls = electronFake.Menu.buildFromTemplate.mock.calls;
      const flatten = (list: Item[]): Item[] =>
        list.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
      return flatten(calls[calls.length - 1]?.[0] as Item[]);
    };
    items().find((item) => item.label === 'Open Site…')!.click!();
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith(
        eventChannel('siteOpened'),
        expect.objectContaining({ site: expect.objectContaining({ name: 'chosen' }) }),
      ),
    );
    expect(
      (electronFake.dialog.showOpenDialog as unknown as ReturnType<typeof vi.fn>).mock.calls[0]?.[1],
    ).toMatchObject({
      properties: ['openDirectory'],
    });
    await vi.waitFor(() => expect(items().some((item) => item.label?.startsWith('chosen — '))).toBe(true));
    const recent = JSON.parse(
      await readFile(path.join(dir, 'profile', 'recent-sites.json'), 'utf8'),
    ) as string[];
    expect(recent[0]).toMatch(/chosen$/);
    items().find((item) => item.label === 'About Postdesk')!.click!();
    await vi.waitFor(() => expect(electronFake.dialog.showMessageBox).toHaveBeenCalled());
  });
});
