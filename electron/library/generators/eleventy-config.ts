import { firstExisting, readConfigText, siteFolder } from './config-text';

/** The config file names Eleventy looks for, in its own order. */
export const eleventyConfigFiles = [
  '.eleventy.js',
  'eleventy.config.js',
  'eleventy.config.mjs',
  'eleventy.config.cjs',
  'eleventy.config.ts',
  'eleventy.config.mts',
  'eleventy.config.cts',
];

/** The folders of an Eleventy site, site-relative. */
export interface EleventyLayout {
  configFile: string;
  input: string;
  output: string;
  includes: string;
  layouts: string | null;
  data: string;
  /** The folder whose files a passthrough copy puts at the site root (`{"./public/": "/"}`), else the input. */
  staticDir: string;
}

const dirKeys = ['input', 'output', 'includes', 'layouts', 'data'] as const;
type DirKey = (typeof dirKeys)[number];
const setters: Record<string, DirKey> = {
  setInputDirectory: 'input',
  setOutputDirectory: 'output',
  setIncludesDirectory: 'includes',
  setLayoutsDirectory: 'layouts',
  setDataDirectory: 'data',
};
/** A quoted string literal whose quote is capture group `group` and whose text is group `group + 1`. */
const literal = (group: number): string => `(["'\x60])([^"'\x60\\r\\n]{0,300})\\${group}`;

/**
 * Reads an Eleventy site's folders from its config text without running it: `dir: { input, output,
 * includes, layouts, data }` and the `set*Directory("...")` calls where they are plain string
 * literals (anything else keeps Eleventy's default), and `addPassthroughCopy({ "<folder>": "/" })`,
 * which serves a folder at the site root. Answers null when the site has no Eleventy config.
 */
export async function readEleventyLayout(root: string): Promise<EleventyLayout | null> {
  const configFile = await firstExisting(root, eleventyConfigFiles);
  if (configFile === null) return null;
  const text = (await readConfigText(root, configFile)) ?? '';
  const named: Partial<Record<DirKey, string>> = {};
  const dirBlock = /\bdir\s*:\s*\{([^{}]{0,2000})\}/.exec(text)?.[1] ?? '';
  for (const key of dirKeys) {
    const match = new RegExp(String.raw`["']?\b${key}["']?\s*:\s*${literal(1)}`).exec(dirBlock);
    if (match?.[2] !== undefined) named[key] = match[2];
  }
  const setterPattern = new RegExp(String.raw`\.(set\w+Directory)\(\s*${literal(2)}\s*\)`, 'g');
  for (const match of text.matchAll(setterPattern)) {
    const key = setters[match[1] ?? ''];
    if (key && match[3] !== undefined) named[key] = match[3];
  }
  const input = siteFolder(root, '.', named.input ?? '.') ?? '.';
  const inInput = (value: string | undefined, fallback: string): string =>
    siteFolder(root, input, value ?? fallback) ?? siteFolder(root, input, fallback) ?? fallback;
  const layouts = named.layouts === undefined ? null : siteFolder(root, input, named.layouts);
  return {
    configFile,
    input,
    output: siteFolder(root, '.', named.output ?? '_site') ?? '_site',
    includes: inInput(named.includes, '_includes'),
    layouts,
    data: inInput(named.data, '_data'),
    staticDir: passthroughRoot(root, text) ?? input,
  };
}

/** The folder a `addPassthroughCopy({ "<folder>": "/" })` maps to the site root, when one does. */
function passthroughRoot(root: string, text: string): string | null {
  for (const call of text.matchAll(/addPassthroughCopy\(\s*\{([^{}]{0,2000})\}/g)) {
    const pairs = new RegExp(String.raw`${literal(1)}\s*:\s*${literal(3)}`, 'g');
    for (const pair of (call[1] ?? '').matchAll(pairs)) {
      const target = (pair[4] ?? '').trim();
      if ((target === '/' || target === '' || target === './') && pair[2]) {
        const folder = siteFolder(root, '.', pair[2].replace(/\*+.*$/, ''));
        if (folder !== null) return folder;
      }
    }
  }
  return null;
}
