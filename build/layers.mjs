// The layers of Postdesk and who may import whom (an allow-list, in the style of VS Code's
// layering rules). One table read by the ESLint rule (build/eslint-layering.mjs) and by the test
// that walks the import graph of the built bundles (test/unit/build/import-graph.test.ts).
// ARCHITECTURE.md explains the layers; change both together.
import { builtinModules } from 'node:module';

/** The pure libraries shared/ may use (no Node built-ins, nothing Node-only): add one here on purpose. */
export const sharedPackages = [
  'zod',
  'marked',
  'yaml',
  'smol-toml',
  'js-yaml',
  'highlight.js',
  'katex',
  '@noble/hashes',
];

/** Packages that only run in Node (or are build tools): never in renderer/ or shared/. */
export const nodeOnlyPackages = [
  'electron',
  'chokidar',
  'gray-matter',
  'esbuild',
  'vite',
  'vitest',
  'electron-builder',
  '@electron/asar',
  '@electron/fuses',
  '@playwright/test',
  'playwright-core',
  'eslint',
];

/**
 * Each layer: the layers it may import, whether Node built-ins are allowed, which packages
 * ('pure' = sharedPackages only, 'browser' = any but nodeOnlyPackages, 'node' = any but
 * 'electron'), and whether 'electron' may be imported ('types' = `import type` only).
 */
export const layers = {
  shared: { may: ['shared'], node: false, packages: 'pure', electron: false },
  renderer: { may: ['renderer', 'shared'], node: false, packages: 'browser', electron: false },
  library: { may: ['library', 'shared'], node: true, packages: 'node', electron: false },
  host: { may: ['host', 'library', 'shared'], node: true, packages: 'node', electron: 'types' },
  shell: { may: ['shell', 'host', 'library', 'shared'], node: true, packages: 'node', electron: true },
  entry: {
    may: ['shell', 'host', 'library', 'shared', 'renderer'],
    node: true,
    packages: 'any',
    electron: true,
  },
  tooling: {
    may: ['tooling', 'shared', 'renderer', 'library', 'host', 'shell', 'entry'],
    node: true,
    packages: 'any',
    electron: true,
  },
  test: { may: ['*'], node: true, packages: 'any', electron: true },
};

/** The entry points (they wire everything, so they may import every layer); workers end in `.worker.ts`. */
export const entryPoints = [
  'electron/main.ts',
  'electron/web-main.ts',
  'electron/preload.ts',
  'renderer/main.tsx',
];

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** The layer of a repo-relative file path (forward slashes), or null when it belongs to none. */
export function layerOf(file) {
  const withoutExt = file.replace(/\.(d\.ts|tsx?|mts|cts|mjs|cjs|jsx?)$/, '');
  if (file.startsWith('test/')) return 'test';
  if (entryPoints.some((entry) => entry.replace(/\.tsx?$/, '') === withoutExt)) return 'entry';
  if (/\.worker\.tsx?$/.test(file)) return 'entry';
  if (file.startsWith('build/') || /(^|\/)[^/]*\.config\.[cm]?[jt]s$/.test(file)) return 'tooling';
  if (file.startsWith('shared/')) return 'shared';
  if (file.startsWith('renderer/')) return 'renderer';
  if (file.startsWith('electron/library/')) return 'library';
  if (file.startsWith('electron/host/')) return 'host';
  if (file.startsWith('electron/shell/')) return 'shell';
  // The few modules at electron/'s top (app-protocol, command-line) belong to the shell.
  if (/^electron\/[^/]+$/.test(file)) return 'shell';
  return null;
}

/** The package name of a bare specifier (`@scope/name/x` -> `@scope/name`). */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Why `from` (a repo-relative file) may not import `target`, or null when it may. `target` is
 * `{ file }` for a file of the repo or `{ specifier }` for a bare one; `typeOnly` for `import type`.
 */
export function refusal(from, target, typeOnly = false) {
  const layer = layerOf(from);
  if (layer === null) return null;
  const rules = layers[layer];
  if ('file' in target) {
    const to = layerOf(target.file);
    if (to === 'test' && target.file.startsWith('test/') && layer !== 'test') {
      return `${layer} may not import test code (${target.file}).`;
    }
    if (to === null || to === layer || rules.may.includes('*')) return null;
    if (to === 'entry')
      return `${from} imports the entry point ${target.file}: entry points are imported by nothing.`;
    if (to === 'test') return `${layer} may not import test code (${target.file}).`;
    if (!rules.may.includes(to)) {
      return `${layer} may not import ${to} (${target.file}); ${layer} may import ${rules.may.join(', ')}.`;
    }
    return null;
  }
  const specifier = target.specifier;
  if (builtins.has(specifier)) {
    return rules.node ? null : `${layer} runs in the browser too: no Node built-in (${specifier}).`;
  }
  const name = packageOf(specifier);
  if (name === 'electron') {
    if (rules.electron === true || (rules.electron === 'types' && typeOnly)) return null;
    return rules.electron === 'types'
      ? `${layer} may import only types from electron (import type).`
      : `${layer} never imports electron (it runs in plain Node or the browser).`;
  }
  if (rules.packages === 'pure' && !sharedPackages.includes(name)) {
    return `shared/ uses only its pure libraries (${sharedPackages.join(', ')}), not ${name}.`;
  }
  if (rules.packages === 'browser' && nodeOnlyPackages.includes(name)) {
    return `${layer} runs in the browser: ${name} is Node-only.`;
  }
  return null;
}
