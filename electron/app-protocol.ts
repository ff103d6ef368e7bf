import { readRendererFile } from './host/renderer-files';

/** The custom scheme the renderer is served from instead of file://. */
export const appScheme = 'app';
/** The custom scheme that serves the open site's images and stylesheets to the preview. */
export const assetScheme = 'postdesk-asset';

/** The origin of the renderer: every trusted IPC sender's URL starts with it. */
export const appOrigin = `${appScheme}://postdesk`;

/** The Content-Security-Policy of the renderer document in the desktop app. */
export const rendererCsp = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'unsafe-inline' ${assetScheme}:`,
  `img-src 'self' data: blob: ${assetScheme}:`,
  `font-src 'self' ${assetScheme}:`,
  "connect-src 'self'",
  "frame-src 'self' http://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Answers a request for `app://postdesk/<path>` with the built renderer file it names (never a file
 * outside `rendererDir`), with the renderer's CSP; anything else is a 404.
 */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (`${url.protocol}//${url.host}` !== appOrigin) return new Response('Not found', { status: 404 });
  const found = await readRendererFile(rendererDir, url.pathname);
  if (found === null) return new Response('Not found', { status: 404 });
  return new Response(found.bytes, {
    headers: {
      'content-type': found.contentType,
      'content-security-policy': rendererCsp,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** True when a URL may be handed to the OS browser: http or https only, after parsing. */
export function isExternalUrlAllowed(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    // Not a URL at all: not an http(s) link.
    return false;
  }
}
