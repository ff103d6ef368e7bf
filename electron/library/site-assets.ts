import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PostdeskError } from '../../shared/errors';
import { resolveExisting } from './site-paths';

const assetTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** A site file served to the preview: its bytes and content type. */
export interface SiteAsset {
  bytes: Buffer;
  contentType: string;
}

/**
 * Reads a site file the preview may load (images, stylesheets, fonts only), by site-relative id,
 * through the site path checks; anything else is refused.
 */
export async function readSiteAsset(realRoot: string, id: string): Promise<SiteAsset> {
  const contentType = assetTypes[path.extname(id).toLowerCase()];
  if (!contentType) throw new PostdeskError('path-refused', `${id} is not an image, stylesheet or font.`);
  const file = await resolveExisting(realRoot, id);
  return { bytes: await fs.readFile(file), contentType };
}

/** Headers every served site asset carries: no sniffing, and SVG can never run script. */
export function assetHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    'cache-control': 'no-cache',
  };
}
