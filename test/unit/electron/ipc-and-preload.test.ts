import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventNames, methodNames, type Handlers } from '../../../shared/api';
import { eventChannel, methodChannel } from '../../../shared/ipc-channels';
import { registerIpcHost } from '../../../electron/host/ipc-host';
import type { Library } from '../../../electron/library/library-service';
import { isTrustedSender } from '../../../electron/shell/trusted-sender';
import { electronFake, state } from '../../support/fake-electron';

type Frame = Parameters<typeof isTrustedSender>[0];
const frame = (url: string, parent: unknown = null): Frame => ({ url, parent }) as unknown as Frame;

describe('the IPC host', () => {
  it('trusts only the top frame of app://postdesk', () => {
    expect(isTrustedSender(frame('app://postdesk/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://postdesk/index.html', {}))).toBe(false);
    expect(isTrustedSender(frame('app://postdesk.evil/index.html'))).toBe(false);
    expect(isTrustedSender(frame('https://postdesk/index.html'))).toBe(false);
    expect(isTrustedSender(frame('file:///app/index.html'))).toBe(false);
    expect(isTrustedSender(frame('about:srcdoc'))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('registers one handler per contract method, each checking the sender frame first', async () => {
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      methodNames.map((name) => [name, async () => (calls.push(name), null)]),
    ) as unknown as Handlers;
    const library = { handlers } as unknown as Library;
    registerIpcHost(electronFake.ipcMain as never, library, isTrustedSender);
    expect([...state.ipcHandlers.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
    for (const name of methodNames) {
      const handler = state.ipcHandlers.get(methodChannel(name))!;
      const refused = await handler({ senderFrame: frame('https://evil.example/') }, {});
      expect(refused, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const fromSubframe = await handler({ senderFrame: frame('app://postdesk/index.html', {}) }, {});
      expect(fromSubframe, name).toMatchObject({ ok: false });
    }
    expect(calls).toEqual([]);
    const listed = await state.ipcHandlers.get(methodChannel('listPosts'))!(
      { senderFrame: frame('app://postdesk/index.html') },
      {},
    );
    expect(listed).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['listPosts']);
  });
});

describe('the preload', () => {
  beforeEach(() => vi.resetModules());
  it("exposes exactly the contract's methods and `on`, each method on its own channel", async () => {
    await import('../../../electron/preload');
    expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const api = state.exposed.get('postdesk') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(await api.readPost!({ id: 'a.md' })).toEqual({
      ok: true,
      value: { channel: methodChannel('readPost'), args: { id: 'a.md' } },
    });
  });

  it('passes event payloads to listeners without the IPC event, and unsubscribes', async () => {
    await import('../../../electron/preload');
    const api = state.exposed.get('postdesk') as {
      on: (event: string, listener: (...args: unknown[]) => void) => () => void;
    };
    for (const name of eventNames) {
      const received: unknown[][] = [];
      const off = api.on(name, (...args) => received.push(args));
      const ipcEvent = { sender: { send: () => undefined }, ports: [] };
      for (const listener of state.rendererListeners.get(eventChannel(name)) ?? [])
        listener(ipcEvent, { hello: name });
      expect(received, name).toEqual([[{ hello: name }]]);
      off();
      expect(state.rendererListeners.get(eventChannel(name))?.size ?? 0).toBe(0);
    }
    expect(() => api.on('not-an-event', () => undefined)).toThrow(/Unknown event/);
    expect(() => api.on('__proto__', () => undefined)).toThrow(/Unknown event/);
  });
});
