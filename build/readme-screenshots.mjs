// `node build/readme-screenshots.mjs`: regenerates the screenshot baselines of test/e2e/visual.spec.ts
// (the web host on the e2e fixture site, Debian Chromium, bundled fonts) and copies the main view in
// both themes into docs/screenshots/, where the README shows them. Run it after a visual change,
// review the pictures, and commit the baselines and the copies together.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const snapshots = path.join(root, 'test', 'e2e', 'visual.spec.ts-snapshots');
const target = path.join(root, 'docs', 'screenshots');
const shown = ['main-1280x720-light', 'main-1280x720-dark', 'palette-1280x720-dark'];

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`[postdesk] failed: node ${args.join(' ')}`);
}

run([path.join('build', 'build.mjs'), '--if-stale']);
run([
  path.join('node_modules', '@playwright', 'test', 'cli.js'),
  'test',
  '--config',
  'test/playwright.config.ts',
  '--project=web',
  'test/e2e/visual.spec.ts',
  '--update-snapshots',
]);
await mkdir(target, { recursive: true });
for (const name of shown) {
  await copyFile(
    path.join(snapshots, `${name}-web-${process.platform}.png`),
    path.join(target, `${name}.png`),
  );
  console.log(`[postdesk] docs/screenshots/${name}.png`);
}
