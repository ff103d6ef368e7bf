import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { nodeBuildOptions, nodeEntries, rendererEntry } from '../../../build/entries.mjs';
import { layerOf, packageOf, refusal } from '../../../build/layers.mjs';

/**
 * Walks the real import graph of every bundle (esbuild's metafile of the very builds that ship:
 * the Node bundles of build/bundle.mjs and the renderer's entry) and fails on any edge outside the
 * allow-list of build/layers.mjs. Type-only imports are erased by the build, so they are no edges.
 */
const root = path.resolve(__dirname, '..', '..', '..');

interface Edge {
  from: string;
  to: string;
  kind: string;
}

/** The edges leaving the repo's own files, `to` a repo file or a bare specifier. */
function edgesOf(metafile: Metafile, rename: Record<string, string> = {}): Edge[] {
  const edges: Edge[] = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    const from = rename[input] ?? input;
    if (from.includes('node_modules/') || from.startsWith('(disabled)')) continue;
    for (const item of imports) {
      const original = item.original ?? item.path;
      const bare = !original.startsWith('.') && !original.startsWith('/');
      if (item.external || item.path.includes('node_modules/')) {
        const specifier = bare ? original : packageOf(item.path.split('node_modules/').pop() ?? item.path);
        edges.push({ from, to: `pkg:${specifier}`, kind: item.kind });
      } else {
        edges.push({ from, to: item.path, kind: item.kind });
      }
    }
  }
  return edges;
}

function refusals(edges: Edge[]): string[] {
  return edges.flatMap((edge) => {
    const target = edge.to.startsWith('pkg:') ? { specifier: edge.to.slice(4) } : { file: edge.to };
    const why = refusal(edge.from, target);
    return why ? [`${edge.from} -> ${edge.to} (${edge.kind}): ${why}`] : [];
  });
}

async function graph(entry: string, platform: 'node' | 'browser'): Promise<Metafile> {
  const result = await build({
    ...(platform === 'node' ? nodeBuildOptions : { bundle: true, platform, format: 'esm' }),
    absWorkingDir: root,
    entryPoints: [path.join(root, entry)],
    outdir: path.join(root, 'out', 'graph-probe'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    loader: { '.css': 'empty', '.png': 'empty', '.svg': 'empty' },
  });
  return result.metafile;
}

async function probe(file: string, contents: string): Promise<string[]> {
  const result = await build({
    ...nodeBuildOptions,
    absWorkingDir: root,
    stdin: { contents, resolveDir: path.join(root, path.dirname(file)), sourcefile: file, loader: 'ts' },
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: [...nodeBuildOptions.external, 'chokidar'],
  });
  return refusals(edgesOf(result.metafile, { '<stdin>': file }));
}

describe('the import graph of the built bundles', () => {
  it.each([...nodeEntries.map((entry) => [entry.in, 'node'] as const), [rendererEntry, 'browser'] as const])(
    '%s has only allowed edges',
    async (entry, platform) => {
      const edges = edgesOf(await graph(entry, platform));
      const own = new Set(edges.map((edge) => edge.from));
      expect(own.size).toBeGreaterThan(1);
      for (const file of own) expect(layerOf(file), `${file} belongs to a layer`).not.toBeNull();
      expect(refusals(edges)).toEqual([]);
    },
  );

  it('refuses the edges the old deny-list missed (positive control of the check itself)', async () => {
    expect(await probe('electron/library/probe.ts', "export * from '../shell/about';")).toHaveLength(1);
    expect(await probe('electron/library/probe.ts', "export * from '../host/web-host';")).not.toEqual([]);
    expect(await probe('electron/library/probe.ts', "export const e = import('electron');")).toEqual([
      expect.stringContaining('never imports electron'),
    ]);
    expect(
      await probe('electron/library/probe.ts', "export const e = require('../shell/recent-sites');"),
    ).not.toEqual([]);
    expect(await probe('shared/probe.ts', "export { watch } from 'chokidar';")).toEqual([
      expect.stringContaining('chokidar'),
    ]);
    expect(await probe('shared/probe.ts', "export { join } from 'node:path';")).toEqual([
      expect.stringContaining('node:path'),
    ]);
    expect(await probe('renderer/probe.ts', "export * from '../test/support/temp-site';")).not.toEqual([]);
    expect(await probe('electron/host/probe.ts', "export * from '../library/site-paths';")).toEqual([]);
  });
});
