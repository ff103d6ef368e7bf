import { promises as fs } from 'node:fs';
import path from 'node:path';
import { firstExisting, readConfigText, siteFolder } from './config-text';

/** The config file names Astro looks for. */
export const astroConfigFiles = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.cjs',
  'astro.config.cts',
];
const contentConfigFiles = [
  'src/content.config.ts',
  'src/content.config.mts',
  'src/content.config.js',
  'src/content.config.mjs',
  'src/content/config.ts',
  'src/content/config.mts',
  'src/content/config.js',
  'src/content/config.mjs',
];

/** The folders of an Astro site, site-relative. */
export interface AstroLayout {
  configFile: string;
  /** `src/content` (its sub-folders are the collections) when present, loaders' `base` folders, `src/pages`. */
  contentDirs: string[];
  publicDir: string;
  outDir: string;
}

const literalValue = (key: string): RegExp =>
  new RegExp(`\\b${key}\\s*:\\s*(["'\\x60])([^"'\\x60\\r\\n]{1,300})\\1`, 'g');

/**
 * Reads an Astro site's folders without running its code: `publicDir` / `outDir` from the config
 * where written as string literals (else `public` and `dist`), the collections under `src/content/`,
 * the `base` folders of the content config's loaders where literal (`glob({ base: './src/data' })`),
 * and `src/pages` (Markdown pages). Answers null when the site has no Astro config.
 */
export async function readAstroLayout(root: string): Promise<AstroLayout | null> {
  const configFile = await firstExisting(root, astroConfigFiles);
  if (configFile === null) return null;
  const text = (await readConfigText(root, configFile)) ?? '';
  const pick = (key: string, fallback: string): string => {
    const value = literalValue(key).exec(text)?.[2];
    return (value === undefined ? null : siteFolder(root, '.', value)) ?? fallback;
  };
  const contentDirs: string[] = [];
  if (await isFolder(root, 'src/content')) contentDirs.push('src/content');
  const contentConfig = await firstExisting(root, contentConfigFiles);
  const loaders = contentConfig === null ? '' : ((await readConfigText(root, contentConfig)) ?? '');
  for (const match of loaders.matchAll(literalValue('base'))) {
    const folder = siteFolder(root, '.', match[2] ?? '');
    if (folder === null || folder === '.' || contentDirs.some((dir) => within(folder, dir))) continue;
    if (await isFolder(root, folder)) contentDirs.push(folder);
  }
  if (await isFolder(root, 'src/pages')) contentDirs.push('src/pages');
  if (contentDirs.length === 0) contentDirs.push('src/content');
  return { configFile, contentDirs, publicDir: pick('publicDir', 'public'), outDir: pick('outDir', 'dist') };
}

function within(folder: string, dir: string): boolean {
  return folder === dir || folder.startsWith(`${dir}/`);
}

async function isFolder(root: string, folder: string): Promise<boolean> {
  // Missing or unreadable: treated as absent.
  const stat = await fs.stat(path.join(root, folder)).catch(() => null);
  return stat?.isDirectory() ?? false;
}
