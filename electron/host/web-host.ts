import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch, isEventName, type Outcome } from '../../shared/api';
import type { Library } from '../library/library-service';
import { assetHeaders } from '../library/site-assets';
import { hostHandlers } from './host-handlers';
import { readRendererFile } from './renderer-files';
import { BodyRefused, LargeRequestSlots, readLimitedBody } from './request-limits';
import { assetSignature, assetUrlLifetimeMs } from '../../shared/asset-signature';
import { PostdeskError } from '../../shared/errors';

/** How to start the browser-mode host. */
export interface WebHostOptions {
  library: Library;
  /** Folder holding the built renderer (index.html and its assets). */
  rendererDir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** The secret; a fresh random one when not given. */
  token?: string;
}

/** A running browser-mode host. */
export interface WebHost {
  /** The address to open: the token rides in the fragment, which no browser ever sends anywhere. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** How many event streams may be open at once (each holds one of the browser's few connections). */
const maxStreams = 8;
const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;
const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' http://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the renderer and the contract over HTTP on 127.0.0.1 only: POST /api/<method> with a JSON
 * body answers an Outcome, GET /api/events streams the contract's events (server-sent events, read
 * by the page with fetch). Every /api/ request needs the per-start token in the `x-postdesk-token`
 * header (never a cookie or a query, which a browser would hand to other pages or servers); asset
 * URLs carry a short-lived HMAC signature of their one file instead. The page itself holds no secret.
 * A loopback Host header is required everywhere, and no CORS headers are ever sent.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const streams = new Set<http.ServerResponse>();
  const handlers = hostHandlers(options.library);
  const slots = new LargeRequestSlots();

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `Internal error: ${String(error)}`);
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!loopbackHost.test(request.headers.host ?? '')) {
      return send(response, 421, 'text/plain', 'Refused: the Host header is not a loopback name.');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, port)) {
      return send(response, 403, 'text/plain', 'Refused: cross-origin request.');
    }
    if (url.pathname.startsWith('/api/')) {
      const offered = header(request, 'x-postdesk-token');
      if (!offered || !sameSecret(offered, token)) {
        return send(response, 401, 'text/plain', 'Unauthorized: this Postdesk host needs its token.');
      }
      return api(request, response, url);
    }
    if (url.pathname.startsWith('/asset/')) return asset(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain', 'Method not allowed.');
    }
    return serveRenderer(response, url);
  }

  async function api(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
    const name = url.pathname.slice('/api/'.length);
    if (name === 'events' && request.method === 'GET') return openEventStream(response);
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Use POST for contract methods.');
    if (!(header(request, 'content-type') ?? '').startsWith('application/json')) {
      return send(response, 415, 'text/plain', 'Contract calls are JSON.');
    }
    let body: string;
    try {
      body = await readLimitedBody(request, name, slots);
    } catch (error) {
      if (!(error instanceof BodyRefused)) throw error;
      const refused: Outcome = { ok: false, error: { code: 'invalid-argument', message: error.message } };
      // The rest of the body is not read: answer, then drop the connection.
      response.once('finish', () => request.destroy());
      return send(response, error.status, 'application/json; charset=utf-8', JSON.stringify(refused), {
        connection: 'close',
      });
    }
    let outcome: Outcome;
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body);
      outcome = await dispatch(handlers, name, args);
    } catch {
      // Only JSON.parse throws here (dispatch answers every failure as an Outcome): the body is refused.
      outcome = { ok: false, error: { code: 'invalid-argument', message: 'The request body is not JSON.' } };
    }
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(outcome));
  }

  async function asset(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.slice('/asset/'.length));
    } catch {
      // A malformed escape in the asset path: refused with 400.
      return send(response, 400, 'text/plain', 'Bad asset path.');
    }
    const offered = header(request, 'x-postdesk-token');
    const byHeader = offered !== undefined && sameSecret(offered, token);
    if (!byHeader && !validSignature(url, id)) {
      return send(
        response,
        401,
        'text/plain',
        'Unauthorized: this asset address is not signed or has expired.',
      );
    }
    try {
      const found = await options.library.readAsset(id);
      response.writeHead(200, { ...assetHeaders(found.contentType), 'referrer-policy': 'no-referrer' });
      response.end(found.bytes);
    } catch (error) {
      const status = error instanceof PostdeskError && error.code === 'path-refused' ? 403 : 404;
      send(response, status, 'text/plain', error instanceof Error ? error.message : 'Not found.');
    }
  }

  function validSignature(url: URL, id: string): boolean {
    const expiry = Number(url.searchParams.get('exp'));
    const signature = url.searchParams.get('sig') ?? '';
    const now = Date.now();
    if (!Number.isSafeInteger(expiry) || expiry < now || expiry > now + assetUrlLifetimeMs) return false;
    return sameSecret(signature, assetSignature(token, id, expiry));
  }

  function openEventStream(response: http.ServerResponse): void {
    if (streams.size >= maxStreams) {
      return send(response, 503, 'text/plain', 'Too many event streams are open.');
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  async function serveRenderer(response: http.ServerResponse, url: URL): Promise<void> {
    const found = await readRendererFile(rendererDir, url.pathname);
    if (found === null) return send(response, 404, 'text/plain', 'Not found.');
    response.writeHead(200, {
      'content-type': found.contentType,
      'content-security-policy': pageCsp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    response.end(found.bytes);
  }

  const unsubscribe = options.library.subscribe((event, payload) => {
    if (!isEventName(event)) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${encodeURIComponent(token)}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function send(
  response: http.ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: http.OutgoingHttpHeaders = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...extra,
  });
  response.end(body);
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(offered: string, token: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isSameOrigin(origin: string, port: number): boolean {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin);
}
