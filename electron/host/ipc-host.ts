import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { dispatch, eventNames, methodNames, type Outcome } from '../../shared/api';
import { eventChannel, methodChannel } from '../../shared/ipc-channels';
import type { Library } from '../library/library-service';
import { hostHandlers } from './host-handlers';

/** Decides whether an IPC message comes from the app's own renderer. */
export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Registers one ipcMain handler per contract method: each checks the sender frame, validates the
 * arguments against the contract and answers an Outcome. Returns a function that removes them.
 */
export function registerIpcHost(ipcMain: IpcMain, library: Library, isTrusted: SenderCheck): () => void {
  const handlers = hostHandlers(library);
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), (event, args: unknown): Promise<Outcome> => {
      if (!isTrusted(event.senderFrame)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid-argument', message: 'Refused: the sender is not Postdesk.' },
        });
      }
      return dispatch(handlers, name, args);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}

/** Sends the library's events to one window until it closes; returns the unsubscribe function. */
export function forwardEvents(library: Library, contents: WebContents): () => void {
  const known = new Set<string>(eventNames);
  const unsubscribe = library.subscribe((event, payload) => {
    if (known.has(event) && !contents.isDestroyed()) contents.send(eventChannel(event), payload);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
