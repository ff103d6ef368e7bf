// Bundles the Node side with esbuild: the Electron main process, the preload, the browser-mode
// host and the bench, each into one CommonJS file under out/, and copies the sample site beside them.
import { build } from 'esbuild';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');

const entries = [
  { in: 'electron/main.ts', out: 'electron/main.cjs' },
  { in: 'electron/preload.ts', out: 'electron/preload.cjs' },
  { in: 'electron/web-main.ts', out: 'web/postdesk-web.cjs' },
  { in: 'test/bench/bench.ts', out: 'bench/bench.cjs' },
  { in: 'electron/library/problems/problems-worker.ts', out: 'workers/problems-worker.cjs' },
];

await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: [path.join(root, entry.in)],
      outfile: path.join(out, entry.out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      external: ['electron', 'playwright-core', '@playwright/test'],
      logLevel: 'warning',
    }),
  ),
);
await rm(path.join(out, 'sample-site'), { recursive: true, force: true });
await cp(path.join(root, 'electron', 'sample-site'), path.join(out, 'sample-site'), { recursive: true });
