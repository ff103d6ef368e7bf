// Bundles the Node side with esbuild: the Electron main process, the preload, the browser-mode
// host and the bench, each into one CommonJS file under out/ (with its esbuild metafile under
// out/meta/, the import graph that shipped), and copies the sample site beside them.
import { build } from 'esbuild';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBuildOptions, nodeEntries } from './entries.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');

await mkdir(path.join(out, 'meta'), { recursive: true });
await Promise.all(
  nodeEntries.map(async (entry) => {
    const result = await build({
      ...nodeBuildOptions,
      absWorkingDir: root,
      entryPoints: [path.join(root, entry.in)],
      outfile: path.join(out, entry.out),
      sourcemap: 'linked',
      metafile: true,
    });
    const name = entry.out.replace(/[/.]/g, '-');
    await writeFile(path.join(out, 'meta', `${name}.json`), JSON.stringify(result.metafile));
  }),
);
await rm(path.join(out, 'sample-site'), { recursive: true, force: true });
await cp(path.join(root, 'electron', 'sample-site'), path.join(out, 'sample-site'), { recursive: true });
