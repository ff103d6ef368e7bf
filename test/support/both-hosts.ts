import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Outcome } from '../../shared/api';
import { methodChannel } from '../../shared/ipc-channels';
import { registerIpcHost } from '../../electron/host/ipc-host';
import { startWebHost } from '../../electron/host/web-host';
import type { Library } from '../../electron/library/library-service';
import { tempDir } from './temp-site';

/** One library served by both hosts at once, with a way to call each the way its renderer would. */
export interface BothHosts {
  /** Calls a method through the browser-mode HTTP host (POST /api/<method> with the token). */
  overHttp(method: string, args: unknown): Promise<Outcome>;
  /** Calls a method through the IPC host as Electron runs it, from the app's own frame unless told. */
  overIpc(method: string, args: unknown, senderUrl?: string): Promise<Outcome>;
  /** Stops the HTTP host and removes its renderer folder (the library stays the caller's). */
  close(): Promise<void>;
}

type IpcListener = (event: IpcMainInvokeEvent, args: unknown) => Promise<Outcome>;
const trustedUrl = 'app://postdesk/index.html';

/**
 * Serves `library` through the real web host (on a free loopback port, with a stand-in renderer
 * folder) and the real IPC host (registered on an ipcMain stand-in that trusts only the app's own
 * frame), with `desktopHandlers` composed into the IPC host as main.ts does.
 */
export async function serveOnBothHosts(
  library: Library,
  desktopHandlers?: Parameters<typeof registerIpcHost>[3],
): Promise<BothHosts> {
  const renderer = await tempDir();
  await writeFile(path.join(renderer.dir, 'index.html'), '<!doctype html>');
  const host = await startWebHost({ library, rendererDir: renderer.dir });
  const ipcHandlers = new Map<string, IpcListener>();
  const ipcMain = {
    handle: (channel: string, listener: IpcListener) => ipcHandlers.set(channel, listener),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  } as unknown as IpcMain;
  registerIpcHost(ipcMain, library, (frame) => frame?.url === trustedUrl, desktopHandlers);
  return {
    overHttp: (method, args) =>
      new Promise((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port: host.port,
            method: 'POST',
            path: `/api/${method}`,
            headers: { 'content-type': 'application/json', 'x-postdesk-token': host.token },
          },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve(JSON.parse(body) as Outcome));
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify(args));
      }),
    overIpc: (method, args, senderUrl = trustedUrl) => {
      const handler = ipcHandlers.get(methodChannel(method as never));
      if (!handler) throw new Error(`no IPC handler for ${method}`);
      const event = { senderFrame: { url: senderUrl } } as unknown as IpcMainInvokeEvent;
      return handler(event, args);
    },
    close: async () => {
      await host.close();
      await renderer.cleanup();
    },
  };
}
