import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isInside } from '../library/site-paths';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A file of the built renderer, ready to serve. */
export interface RendererFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Reads the built renderer file a URL path names (`/` is index.html), never one outside
 * `rendererDir`; null when there is no such file. Both hosts serve the renderer through it.
 */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  let relative: string;
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath.slice(1));
  } catch {
    // A malformed escape in the path names no file: answered as not found.
    return null;
  }
  const file = path.resolve(rendererDir, relative);
  if (relative.includes('\0') || !isInside(rendererDir, file)) return null;
  // A renderer file that cannot be read is answered as not found (the bundle is ours, not the site).
  const bytes = await fs.readFile(file).catch(() => null);
  if (bytes === null) return null;
  return { bytes, contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream' };
}
