import yaml from 'js-yaml';
import { readConfigText, siteFolder, subFolders } from './config-text';

/** The folders of a Jekyll site, site-relative. */
export interface JekyllLayout {
  /** `_posts`, `_drafts` and each collection's `_<name>` folder that exists. */
  contentDirs: string[];
  /** Collection names (without `_`), posts first. */
  collections: string[];
  destination: string;
}

/**
 * Reads a Jekyll site's `_config.yml` as data (never run): its `collections` (a map or a list;
 * `output` and `permalink` do not matter for editing), `collections_dir` and `destination`. The
 * site's pages (files with front matter outside the underscore folders) are listed from the root.
 */
export async function readJekyllLayout(root: string, configFile: string): Promise<JekyllLayout> {
  const text = (await readConfigText(root, configFile)) ?? '';
  let config: Record<string, unknown> = {};
  try {
    const loaded = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    if (loaded && typeof loaded === 'object' && !Array.isArray(loaded))
      config = loaded as Record<string, unknown>;
  } catch {
    // A _config.yml that does not parse is read as empty: the default collections apply.
    config = {};
  }
  const named = config.collections;
  const names = Array.isArray(named)
    ? named.filter((name): name is string => typeof name === 'string')
    : named && typeof named === 'object'
      ? Object.keys(named)
      : [];
  const base =
    typeof config.collections_dir === 'string' ? (siteFolder(root, '.', config.collections_dir) ?? '.') : '.';
  const present = new Set(await subFolders(root, base));
  const contentDirs: string[] = [];
  const collections: string[] = [];
  for (const name of ['posts', 'drafts', ...names.filter((n) => n !== 'posts' && n !== 'drafts')]) {
    if (!/^[\w.-]{1,100}$/.test(name) || !present.has(`_${name}`)) continue;
    contentDirs.push(base === '.' ? `_${name}` : `${base}/_${name}`);
    collections.push(name);
  }
  if (contentDirs.length === 0) contentDirs.push('_posts');
  const destination =
    typeof config.destination === 'string' ? (siteFolder(root, '.', config.destination) ?? '_site') : '_site';
  return { contentDirs, collections, destination };
}
