import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Generator, SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { checkRelativeId, isInside } from './site-paths';

const hugoConfigFiles = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
  'config/_default',
];
const jekyllConfigFiles = ['_config.yml', '_config.yaml', '_config.toml'];

/** The name of the optional per-site settings file at the site root. */
export const siteConfigFile = 'postdesk.config.json';

const SiteConfig = z
  .object({
    contentDirs: z.array(z.string().min(1)).min(1).optional(),
    staticDir: z.string().min(1).optional(),
  })
  .passthrough();

/**
 * Recognises the site at `folder` (Hugo, Jekyll, a folder configured by postdesk.config.json, or
 * plain Markdown/HTML files) and answers its real root, content folders and static folder.
 */
export async function detectSite(folder: string): Promise<SiteInfo> {
  const root = await realFolder(folder);
  const name = path.basename(root);
  const config = await readSiteConfig(root);
  let generator: Generator = 'plain';
  let contentDirs = ['.'];
  let staticDir: string | null = null;
  let notice: string | null = null;

  if (await anyExists(root, hugoConfigFiles)) {
    generator = 'hugo';
    contentDirs = ['content'];
    staticDir = 'static';
  } else if (await anyExists(root, jekyllConfigFiles)) {
    generator = 'jekyll';
    contentDirs = (await existing(root, ['_posts', '_drafts'])) ?? ['_posts'];
    staticDir = '.';
  } else if (!config.contentDirs) {
    notice =
      'No Hugo, Jekyll or postdesk.config.json was found here, so Postdesk lists every Markdown and HTML file in the folder.';
  }
  if (config.contentDirs) {
    contentDirs = config.contentDirs.map((dir) => checkedDir(root, dir));
    if (generator === 'plain') generator = 'configured';
  }
  if (config.staticDir) staticDir = checkedDir(root, config.staticDir);
  return { root, name, generator, contentDirs, staticDir, notice };
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

async function anyExists(root: string, names: string[]): Promise<boolean> {
  return (await existing(root, names)) !== null;
}

async function existing(root: string, names: string[]): Promise<string[] | null> {
  const found: string[] = [];
  for (const name of names) {
    if (await fs.stat(path.join(root, name)).catch(() => null)) found.push(name);
  }
  return found.length > 0 ? found : null;
}
