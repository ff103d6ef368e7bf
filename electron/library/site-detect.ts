import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Generator, SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { readAstroLayout } from './generators/astro-config';
import { firstExisting } from './generators/config-text';
import { readEleventyLayout } from './generators/eleventy-config';
import { hugoConfigFiles, readHugoLayout } from './generators/hugo-config';
import { readJekyllLayout } from './generators/jekyll-config';
import { checkRelativeId, isInside } from './site-paths';

const jekyllConfigFiles = ['_config.yml', '_config.yaml', '_config.toml'];
/** Output folders of the generators, skipped at the site root when the generator is not known. */
const rootOutputFolders = ['public', 'resources', '_site', 'dist'];

/** The name of the optional per-site settings file at the site root. */
export const siteConfigFile = 'postdesk.config.json';

const SiteConfig = z
  .object({
    contentDirs: z.array(z.string().min(1)).min(1).optional(),
    staticDir: z.string().min(1).optional(),
  })
  .passthrough();

/** What the host can do for the library, as SiteInfo reports it to the renderer. */
export interface SiteAbilities {
  trash: 'system' | 'folder';
  canReveal: boolean;
}

const folderAbilities: SiteAbilities = { trash: 'folder', canReveal: false };

/**
 * Recognises the site at `folder` (Hugo, Jekyll, a folder configured by postdesk.config.json, or
 * plain Markdown/HTML files) and answers its real root, content folders, static folder, the
 * sections a new post can go to and a line describing what was detected.
 */
export async function detectSite(
  folder: string,
  abilities: SiteAbilities = folderAbilities,
): Promise<SiteInfo> {
  const root = await realFolder(folder);
  const name = path.basename(root);
  const config = await readSiteConfig(root);
  let generator: Generator = 'plain';
  let contentDirs = ['.'];
  let staticDir: string | null = null;
  let notice: string | null = null;

  let skipDirs = rootOutputFolders;
  let pageDirs: string[] | undefined;
  let sections: string[] | null = null;

  const hugoConfig = await firstExisting(root, hugoConfigFiles);
  const jekyllConfig = await firstExisting(root, jekyllConfigFiles);
  const strongHugo = hugoConfig?.startsWith('hugo.') === true;
  const astro = strongHugo || jekyllConfig ? null : await readAstroLayout(root);
  const eleventy = strongHugo || jekyllConfig || astro ? null : await readEleventyLayout(root);
  if (hugoConfig && (strongHugo || (!astro && !eleventy && !jekyllConfig))) {
    generator = 'hugo';
    const hugo = await readHugoLayout(root, hugoConfig);
    contentDirs = hugo.contentDirs;
    staticDir = hugo.staticDir;
    skipDirs = [hugo.publishDir, 'resources'];
  } else if (jekyllConfig) {
    generator = 'jekyll';
    const jekyll = await readJekyllLayout(root, jekyllConfig);
    contentDirs = jekyll.contentDirs;
    sections = contentDirs.map((dir) => path.posix.basename(dir).replace(/^_/, ''));
    staticDir = '.';
    skipDirs = [jekyll.destination, 'vendor'];
    pageDirs = ['.'];
  } else if (astro) {
    generator = 'astro';
    contentDirs = astro.contentDirs;
    staticDir = astro.publicDir;
    skipDirs = [astro.outDir, astro.publicDir];
  } else if (eleventy) {
    generator = 'eleventy';
    contentDirs = [eleventy.input];
    staticDir = eleventy.staticDir;
    skipDirs = [
      eleventy.output,
      eleventy.includes,
      eleventy.data,
      ...(eleventy.layouts ? [eleventy.layouts] : []),
    ];
  } else if (!config.contentDirs) {
    notice =
      'No Hugo, Jekyll or postdesk.config.json (nor an Eleventy or Astro config) was found here, so Postdesk lists every Markdown and HTML file in the folder.';
  }
  if (config.contentDirs) {
    contentDirs = config.contentDirs.map((dir) => checkedDir(root, dir));
    if (generator === 'plain') generator = 'configured';
    sections = null;
  }
  if (config.staticDir) staticDir = checkedDir(root, config.staticDir);
  sections ??= await sectionFolders(root, contentDirs[0] ?? '.', skipDirs);
  const detected = describe(generator, contentDirs, staticDir);
  return {
    root,
    name,
    generator,
    contentDirs,
    staticDir,
    notice,
    detected,
    sections,
    skipDirs: skipDirs.filter((dir) => dir !== '.'),
    ...(pageDirs ? { pageDirs } : {}),
    ...abilities,
  };
}

const generatorNames: Record<Generator, string> = {
  hugo: 'Hugo site',
  jekyll: 'Jekyll site',
  eleventy: 'Eleventy site',
  astro: 'Astro site',
  configured: 'Site configured by postdesk.config.json',
  plain: 'Plain folder of Markdown and HTML files',
};

function describe(generator: Generator, contentDirs: string[], staticDir: string | null): string {
  const shown = (dir: string): string => (dir === '.' ? 'the site folder' : `${dir}/`);
  const posts = `posts in ${contentDirs.map(shown).join(', ')}`;
  const files = staticDir === null ? '' : `, site files from ${shown(staticDir)}`;
  return `${generatorNames[generator]}: ${posts}${files}`;
}

const leafBundleIndex = /^index\.(md|mdx|markdown|mdown|html?)$/i;
const notSections = new Set(['node_modules', 'public', 'resources', '_site', 'dist', 'static', 'assets']);

/** The folders directly below a content folder that hold posts (page bundle folders excluded). */
async function sectionFolders(root: string, contentDir: string, skipDirs: string[]): Promise<string[]> {
  const base = contentDir === '.' ? root : path.join(root, contentDir);
  // A folder that is missing or cannot be listed has no entries.
  const entries = await fs.readdir(base, { withFileTypes: true }).catch(() => []);
  const sections: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    if (notSections.has(entry.name)) continue;
    if (skipDirs.includes(contentDir === '.' ? entry.name : `${contentDir}/${entry.name}`)) continue;
    // A folder that is missing or cannot be listed has no entries.
    const inside = await fs.readdir(path.join(base, entry.name)).catch(() => [] as string[]);
    if (inside.some((name) => leafBundleIndex.test(name))) continue;
    sections.push(entry.name);
  }
  return sections.sort((a, b) => a.localeCompare(b));
}

async function realFolder(folder: string): Promise<string> {
  const root = await fs.realpath(path.resolve(folder)).catch((error: unknown) => {
    throw new PostdeskError('not-found', `The folder ${folder} does not exist.`, { cause: error });
  });
  const stat = await fs.stat(root);
  if (!stat.isDirectory()) throw new PostdeskError('invalid-argument', `${folder} is not a folder.`);
  return root;
}

async function readSiteConfig(root: string): Promise<z.infer<typeof SiteConfig>> {
  const file = path.join(root, siteConfigFile);
  // Missing or unreadable: read as absent, the caller falls back.
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PostdeskError(
      'invalid-argument',
      `${siteConfigFile} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const parsed = SiteConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PostdeskError(
      'invalid-argument',
      `${siteConfigFile}: ${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  return parsed.data;
}

function checkedDir(root: string, dir: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  if (trimmed === '.' || trimmed === '') return '.';
  checkRelativeId(trimmed);
  if (!isInside(root, path.join(root, trimmed))) {
    throw new PostdeskError('path-refused', `${siteConfigFile} names ${dir}, outside the site.`);
  }
  return trimmed;
}
