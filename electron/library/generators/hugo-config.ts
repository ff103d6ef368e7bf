import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { readConfigText, siteFolder } from './config-text';

/** The root config files Hugo reads, and the folder of its split configuration. */
export const hugoConfigFiles = [
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
const extensions = ['toml', 'yaml', 'yml', 'json'];

/** The folders of a Hugo site, site-relative. */
export interface HugoLayout {
  contentDirs: string[];
  staticDir: string;
  publishDir: string;
}

type Config = Record<string, unknown>;

/**
 * Reads a Hugo site's folders from its own config as data: the root `hugo.*`/`config.*` file and
 * `config/_default/{hugo,config,module,languages}.*` (the root file wins), `contentDir` (also per
 * language), `staticDir` (a string or a list; the first is the one served at the root),
 * `publishDir`, and the module mounts whose target is `content` or `static`.
 */
export async function readHugoLayout(root: string, rootConfig: string | null): Promise<HugoLayout> {
  const configs: Config[] = [];
  if (rootConfig !== null && rootConfig !== 'config/_default') configs.push(await load(root, rootConfig));
  for (const name of ['hugo', 'config']) {
    for (const ext of extensions) configs.push(await load(root, `config/_default/${name}.${ext}`));
  }
  for (const ext of extensions) {
    configs.push({ module: await load(root, `config/_default/module.${ext}`) });
    configs.push({ languages: await load(root, `config/_default/languages.${ext}`) });
  }
  const first = (key: string): unknown => configs.find((config) => config[key] !== undefined)?.[key];
  const folder = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() !== '' ? siteFolder(root, '.', value.trim()) : null;
  const contentDirs: string[] = [];
  const staticDirs: string[] = [];
  const add = (list: string[], value: string | null): void => {
    if (value !== null && !list.includes(value)) list.push(value);
  };
  add(contentDirs, folder(first('contentDir')));
  const languages = first('languages');
  if (languages && typeof languages === 'object') {
    for (const language of Object.values(languages as Config)) {
      if (language && typeof language === 'object') add(contentDirs, folder((language as Config).contentDir));
    }
  }
  const staticDir = first('staticDir');
  for (const value of Array.isArray(staticDir) ? staticDir : [staticDir]) add(staticDirs, folder(value));
  for (const config of configs) {
    const mounts = (config.module as Config | undefined)?.mounts;
    if (!Array.isArray(mounts)) continue;
    for (const mount of mounts as unknown[]) {
      if (!mount || typeof mount !== 'object') continue;
      const { source, target } = mount as Config;
      if (target === 'content') add(contentDirs, folder(source));
      else if (target === 'static') add(staticDirs, folder(source));
    }
  }
  return {
    contentDirs: contentDirs.length > 0 ? contentDirs : ['content'],
    staticDir: staticDirs[0] ?? 'static',
    publishDir: folder(first('publishDir')) ?? 'public',
  };
}

async function load(root: string, name: string): Promise<Config> {
  const text = await readConfigText(root, name);
  if (text === null) return {};
  try {
    const data: unknown = name.endsWith('.toml')
      ? parseToml(text)
      : name.endsWith('.json')
        ? JSON.parse(text)
        : yaml.load(text, { schema: yaml.CORE_SCHEMA });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Config) : {};
  } catch {
    // A config that does not parse is read as empty: detection falls back to the defaults (the site says so elsewhere).
    return {};
  }
}
