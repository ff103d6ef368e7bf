import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let folder: string | null = null;

/**
 * Bundles the problems worker once per test run (the library finds it through
 * POSTDESK_PROBLEMS_WORKER), so that the unit tests run the checks in real worker threads.
 */
export async function setup(): Promise<void> {
  folder = await mkdtemp(path.join(os.tmpdir(), 'postdesk-workers-'));
  const outfile = path.join(folder, 'problems-worker.cjs');
  await build({
    entryPoints: [
      path.resolve(__dirname, '..', '..', 'electron', 'library', 'problems', 'problems-worker.ts'),
    ],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  process.env.POSTDESK_PROBLEMS_WORKER = outfile;
}

/** Removes the bundled worker. */
export async function teardown(): Promise<void> {
  if (folder) await rm(folder, { recursive: true, force: true });
}
