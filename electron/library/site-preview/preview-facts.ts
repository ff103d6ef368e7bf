import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { SiteInfo } from '../../../shared/api';
import type { PreviewFacts } from '../../../shared/api-site-preview';
import type { LinkablePost } from '../../../shared/render/shortcodes/template-context';
import { hugoConfigFiles } from '../generators/hugo-config';

const hugoConfigNames = hugoConfigFiles.filter((name) => name !== 'config/_default');
const jekyllConfigNames = ['_config.yml', '_config.yaml', '_config.toml'];
const maxConfigBytes = 1024 * 1024;
const maxIncludes = 2000;

/** The first of `names` that is a file at the site root, or null. */
export async function firstConfigFile(root: string, names: readonly string[]): Promise<string | null> {
  for (const name of names) {
    // Missing or unreadable: treated as absent.
    const stat = await fs.stat(path.join(root, name)).catch(() => null);
    if (stat?.isFile()) return name;
  }
  return null;
}

/** The site's root Hugo config file name (hugo.toml, config.yaml...), or null. */
export function hugoConfigFile(root: string): Promise<string | null> {
  return firstConfigFile(root, hugoConfigNames);
}

/** Reads a TOML, YAML or JSON config file as a plain object; {} when missing, too large or broken. */
export async function readConfig(file: string): Promise<Record<string, unknown>> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > maxConfigBytes) return {};
    const text = await fs.readFile(file, 'utf8');
    const data: unknown = file.endsWith('.toml')
      ? parseToml(text)
      : file.endsWith('.json')
        ? JSON.parse(text)
        : yaml.load(text, { schema: yaml.CORE_SCHEMA });
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  } catch {
    // A config that does not parse gives no preview facts (the preview uses defaults).
    return {};
  }
}

const get = (value: unknown, ...keys: string[]): unknown => {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    const record = current as Record<string, unknown>;
    const found = Object.keys(record).find((name) => name.toLowerCase() === key.toLowerCase());
    current = found === undefined ? undefined : record[found];
  }
  return current;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The URL path a generator serves a post at, from its id (Hugo/Eleventy pretty URLs, Jekyll dated posts). */
export function postUrl(id: string, info: Pick<SiteInfo, 'generator' | 'contentDirs'>): string {
  if (info.generator === 'jekyll') {
    const bare = id.replace(/\.[^./]+$/, '');
    const dated = /^(?:.*\/)?_posts\/(?:.*\/)?(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(bare);
    if (dated) return `/${dated[1]}/${dated[2]}/${dated[3]}/${dated[4]}.html`;
    const draft = /^_drafts\/(.+)$/.exec(bare);
    return `/${draft ? draft[1] : bare}.html`;
  }
  let rest = id;
  for (const dir of info.contentDirs) {
    if (dir !== '.' && rest.startsWith(`${dir}/`)) {
      rest = rest.slice(dir.length + 1);
      break;
    }
  }
  rest = rest.replace(/\.[^./]+$/, '').replace(/(^|\/)_?index$/, '');
  return rest === '' ? '/' : `/${rest.toLowerCase()}/`;
}

async function listIncludes(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    if (depth > 4 || found.length >= maxIncludes) return;
    // A folder that is missing or cannot be listed has no entries.
    const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (found.length >= maxIncludes || entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(`${folder}/${entry.name}`, `${prefix}${entry.name}/`, depth + 1);
      else if (entry.isFile()) found.push(`${prefix}${entry.name}`);
    }
  };
  for (const folder of ['_includes', 'src/_includes']) await walk(folder, '', 0);
  return found;
}

/**
 * What the preview needs to know of the open site: which template syntax its bodies use, its base
 * URL and params (from hugo.toml / _config.yml), whether it renders math, its highlight style, the
 * URL of every post (for ref/post_url) and its include files.
 */
export async function readPreviewFacts(info: SiteInfo, postIds: readonly string[]): Promise<PreviewFacts> {
  const posts: LinkablePost[] = postIds.map((id) => ({ id, url: postUrl(id, info) }));
  if (info.generator === 'hugo') {
    const name = await hugoConfigFile(info.root);
    const config = name === null ? {} : await readConfig(path.join(info.root, name));
    const params = (get(config, 'params') ?? {}) as Record<string, unknown>;
    const passthrough = get(config, 'markup', 'goldmark', 'extensions', 'passthrough', 'enable') === true;
    const style = get(config, 'markup', 'highlight', 'style');
    return {
      dialects: { hugo: true, liquid: false },
      baseUrl: text(get(config, 'baseURL')),
      basePath: '',
      params: typeof params === 'object' && params !== null ? params : {},
      posts,
      math: passthrough || get(params, 'math') === true || get(params, 'katex') === true,
      highlightStyle: typeof style === 'string' ? style : null,
      includes: [],
    };
  }
  const jekyllName = await firstConfigFile(info.root, jekyllConfigNames);
  const config = jekyllName === null ? {} : await readConfig(path.join(info.root, jekyllName));
  const engine = get(config, 'kramdown', 'math_engine');
  return {
    dialects: { hugo: info.generator !== 'jekyll', liquid: true },
    baseUrl: text(get(config, 'url')),
    basePath: text(get(config, 'baseurl')).replace(/\/+$/, ''),
    params: config,
    posts,
    math: (typeof engine === 'string' && engine !== '') || get(config, 'math') === true,
    highlightStyle: null,
    includes: await listIncludes(info.root),
  };
}
