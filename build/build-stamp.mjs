// The build stamp: one hash of every file the build reads (sources, configs, the lock file), written
// into out/ after a build succeeds, so `npm start` and `npm run web` skip a build whose output is
// already up to date and can never serve output built from other sources.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = (dir) => path.join(dir, 'out', 'build-stamp.json');

/** What the build reads: folders walked whole, and single files. */
const inputFolders = ['electron', 'renderer', 'shared', 'build', 'test/bench', 'test/support'];
const inputFiles = ['package.json', 'package-lock.json', 'tsconfig.json'];
/** What the build writes: all must exist for a stamp to count. */
export const outputs = [
  'out/renderer/index.html',
  'out/electron/main.cjs',
  'out/electron/preload.cjs',
  'out/web/postdesk-web.cjs',
];

async function walk(dir, folder, files) {
  let entries;
  try {
    entries = await readdir(path.join(dir, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) await walk(dir, relative, files);
    else if (entry.isFile()) files.push(relative);
  }
}

/** The hash of every build input's path and bytes, in a stable order. */
export async function hashInputs(dir = root) {
  const files = [...inputFiles];
  for (const folder of inputFolders) await walk(dir, folder, files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    let bytes;
    try {
      bytes = await readFile(path.join(dir, file));
    } catch {
      continue;
    }
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  hash.update(`node ${process.versions.node}`);
  return hash.digest('hex');
}

/** True when out/ holds every output and a stamp of exactly these inputs. */
export async function isUpToDate(inputsHash, dir = root) {
  if (!outputs.every((file) => existsSync(path.join(dir, file)))) return false;
  try {
    const stamp = JSON.parse(await readFile(stampFile(dir), 'utf8'));
    return stamp.inputs === inputsHash;
  } catch {
    return false;
  }
}

/** Removes the stamp (before a build starts, so a failed or partial build never looks current). */
export async function clearStamp(dir = root) {
  await rm(stampFile(dir), { force: true });
}

/** Records that out/ was built from the inputs with this hash. */
export async function writeStamp(inputsHash, dir = root) {
  await writeFile(
    stampFile(dir),
    `${JSON.stringify({ inputs: inputsHash, builtAt: new Date().toISOString() })}\n`,
  );
}
