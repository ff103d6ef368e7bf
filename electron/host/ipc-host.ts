import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import {
  dispatch,
  eventNames,
  methodNames,
  type DesktopHandlers,
  type EventName,
  type EventPayload,
  type Handlers,
  type Outcome,
} from '../../shared/api';
import { eventChannel, methodChannel } from '../../shared/ipc-channels';
import type { Library } from '../library/library-service';
import { hostHandlers } from './host-handlers';

/** Decides whether an IPC message comes from the app's own renderer. */
export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Registers one ipcMain handler per contract method: each checks the sender frame (`forbidden`
 * otherwise), validates the arguments against the contract and answers an Outcome. The handlers
 * are the library's composed with the desktop-only ones (`unsupported` when none are given).
 * Returns a function that removes them.
 */
export function registerIpcHost(
  ipcMain: IpcMain,
  library: Library,
  isTrusted: SenderCheck,
  desktop: Partial<DesktopHandlers> = {},
): () => void {
  const handlers: Partial<Handlers> = { ...hostHandlers(library), ...desktop };
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), (event, args: unknown): Promise<Outcome> => {
      if (!isTrusted(event.senderFrame)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: 'Refused: the sender is not Postdesk.' },
        });
      }
      return dispatch(handlers, name, args);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}

/** Sends contract event E with its typed payload to one window (nothing when it is gone). */
export function sendEvent<E extends EventName>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!contents.isDestroyed()) contents.send(eventChannel(event), payload);
}

/** Sends the library's events to one window until it closes; returns the unsubscribe function. */
export function forwardEvents(library: Library, contents: WebContents): () => void {
  const known = new Set<string>(eventNames);
  const unsubscribe = library.subscribe((event, payload) => {
    if (known.has(event)) sendEvent(contents, event, payload);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
