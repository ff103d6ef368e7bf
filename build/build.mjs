// `npm run build`: Vite builds the renderer into out/renderer, then build/bundle.mjs bundles the Node
// side, and a stamp of the inputs is written. With `--if-stale` (used by `npm start`, `npm run web`,
// the e2e tests and the bench) the build is skipped when out/ already holds a build of exactly the
// current sources.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { clearStamp, hashInputs, isUpToDate, root, writeStamp } from './build-stamp.mjs';

/** Builds out/ (or does nothing when `ifStale` and out/ is current); throws when a step fails. */
export async function buildApp({ ifStale = false } = {}) {
  const inputs = await hashInputs();
  if (ifStale && (await isUpToDate(inputs))) {
    console.log('[postdesk] build is up to date (out/ matches the sources): not rebuilt');
    return;
  }
  await clearStamp();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const steps = [
    ['renderer', [vite, 'build', '--config', 'renderer/vite.config.mts']],
    ['node side', [path.join(root, 'build', 'bundle.mjs')]],
  ];
  for (const [name, args] of steps) {
    // Always a production build: a NODE_ENV left by the caller (Vitest sets `test`) would otherwise
    // make Vite ship React's development build (StrictMode's double effects, 2x the size).
    const env = { ...process.env, NODE_ENV: 'production' };
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`the ${name} build failed (exit ${run.status ?? run.signal})`);
  }
  await writeStamp(inputs);
}

if (path.resolve(process.argv[1] ?? '') === path.join(root, 'build', 'build.mjs')) {
  buildApp({ ifStale: process.argv.includes('--if-stale') }).catch((error) => {
    console.error(`[postdesk] ${error.message}`);
    process.exit(1);
  });
}
