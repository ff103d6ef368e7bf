// Recording fakes of the parts of the `electron` module that the main process and the preload use.
// test/support/setup-electron-mock.ts installs them once as the `electron` module for every test
// of this folder; tests read what was recorded (windows and their options, handlers, menus).
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/** A navigation-like event whose preventDefault is recorded. */
export function fakeEvent(extra: Record<string, unknown> = {}): { preventDefault: ReturnType<typeof vi.fn> } {
  return { preventDefault: vi.fn(), ...extra };
}

/** A recording stand-in for Electron's WebContents. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  readonly replaceMisspelling = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** A recording stand-in for Electron's BrowserWindow; every instance lands in `state.windows`. */
export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows;
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly close = vi.fn(() => {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.preventDefault.mock.calls.length) this.emit('closed');
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly maximize = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  restore(): void {}
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

class FakeApp extends EventEmitter {
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setPath = vi.fn((name: string, value: string) => state.paths.set(name, value));
  readonly whenReady = vi.fn(() => Promise.resolve());
  getPath(name: string): string {
    return state.paths.get(name) ?? path.join(os.tmpdir(), `postdesk-fake-${name}-${process.pid}`);
  }
  getAppPath(): string {
    return path.resolve(__dirname, '..', '..');
  }
  getVersion(): string {
    return '0.1.0';
  }
  getPreferredSystemLanguages(): string[] {
    return ['en-GB', 'fr-FR'];
  }
}

/** What the fakes recorded since the last reset. */
const freshState = () => ({
  windows: [] as FakeBrowserWindow[],
  paths: new Map<string, string>(),
  ipcHandlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  protocolHandlers: new Map<string, (request: { url: string }) => unknown>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Set<(...args: unknown[]) => void>>(),
});

const buildFake = () => ({
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: vi.fn((channel: string, handler: (event: unknown, args: unknown) => unknown) =>
      state.ipcHandlers.set(channel, handler),
    ),
    removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel)),
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: { url: string }) => unknown) =>
      state.protocolHandlers.set(scheme, handler),
    ),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      availableSpellCheckerLanguages: ['de-DE', 'en-GB', 'en-US', 'fr'],
      setSpellCheckerLanguages: vi.fn(),
      addWordToSpellCheckerDictionary: vi.fn(() => true),
    },
  },
  shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
    setApplicationMenu: vi.fn(),
  },
  dialog: {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    showErrorBox: vi.fn(),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => state.exposed.set(key, api)),
  },
  ipcRenderer: {
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      const set = state.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      state.rendererListeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      state.rendererListeners.get(channel)?.delete(listener);
    }),
    invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
  },
});

// One instance per test worker, kept on globalThis: vi.resetModules() (used to import main.ts and
// the preload afresh) re-evaluates this file, and the tests must still see the same recordings.
const shared = globalThis as unknown as {
  postdeskElectronFake?: { state: ReturnType<typeof freshState>; electronFake: ReturnType<typeof buildFake> };
};
shared.postdeskElectronFake ??= { state: freshState(), electronFake: undefined as never };
/** What the fakes recorded since the last reset. */
export const state = shared.postdeskElectronFake.state;
shared.postdeskElectronFake.electronFake ??= buildFake();
/** The fake `electron` module. */
export const electronFake = shared.postdeskElectronFake.electronFake;

/** Forgets what was recorded (the mocks' calls too). */
export function resetFakes(): void {
  state.windows.length = 0;
  state.paths.clear();
  state.ipcHandlers.clear();
  state.protocolHandlers.clear();
  state.exposed.clear();
  state.rendererListeners.clear();
  electronFake.app.removeAllListeners();
  vi.clearAllMocks();
}
