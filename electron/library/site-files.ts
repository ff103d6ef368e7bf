import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { PreviewSettings, SiteInfo } from '../../shared/api';
import { siteFileForUrl } from '../../shared/render/asset-paths';
import { siteConfigFile } from './site-detect';
import { resolveExisting } from './site-paths';

/**
 * Answers which of the site-relative `ids` name existing files inside the site (symlinks leading
 * out, folders, and ids that are not valid site paths count as missing). Never throws for an id.
 */
export async function checkSiteFiles(realRoot: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(
    unique.map(async (id) => {
      try {
        const file = await resolveExisting(realRoot, id);
        return (await fs.stat(file)).isFile() ? id : null;
      } catch {
        // Outside the site, missing or not a file: not an existing site file.
        return null;
      }
    }),
  );
  return found.filter((id): id is string => id !== null);
}

const PreviewConfig = z.object({ previewStylesheet: z.string().min(1).optional() }).passthrough();

/**
 * Reads the preview settings of postdesk.config.json: `previewStylesheet` is a site-root URL
 * (`/css/main.css`, served from the static folder) or a site-relative path; it is answered as a
 * site-relative id when that file exists, else null.
 */
export async function readPreviewSettings(info: SiteInfo): Promise<PreviewSettings> {
  // Outside the site, missing, or a link leading out: treated as absent.
  const file = await resolveExisting(info.root, siteConfigFile).catch(() => null);
  // Missing or unreadable: read as absent, the caller falls back.
  const text = file === null ? null : await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return { stylesheet: null };
  let parsed: z.infer<typeof PreviewConfig>;
  try {
    parsed = PreviewConfig.parse(JSON.parse(text));
  } catch {
    // A preview config that does not parse configures no stylesheet.
    return { stylesheet: null };
  }
  if (!parsed.previewStylesheet) return { stylesheet: null };
  const id = siteFileForUrl(parsed.previewStylesheet, info.staticDir, siteConfigFile);
  if (id === null || !id.toLowerCase().endsWith('.css')) return { stylesheet: null };
  const existing = await checkSiteFiles(info.root, [id]);
  return { stylesheet: existing.length === 1 ? id : null };
}
