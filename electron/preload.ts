/**
 * The preload: exposes `window.postdesk`, exactly the contract's named methods (one IPC channel
 * each, answering the host's Outcome) and `on` for its events. Nothing generic crosses: no invoke,
 * no send, and never the IPC event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isEventName, methodNames, type PostdeskBridge, type Subscribe } from '../shared/api';
import { eventChannel, methodChannel } from '../shared/ipc-channels';

const on: Subscribe = (event, listener) => {
  if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
  const channel = eventChannel(event);
  const forward = (_event: unknown, payload: unknown): void => listener(payload as never);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const methods = Object.fromEntries(
  methodNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(methodChannel(name), args)]),
) as Omit<PostdeskBridge, 'on'>;

contextBridge.exposeInMainWorld('postdesk', { ...methods, on } satisfies PostdeskBridge);
