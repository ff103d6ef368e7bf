import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The folder of the fixture sites. */
export const fixtureSitesDir = path.resolve(__dirname, '..', 'fixtures', 'sites');

/** A fresh temporary folder for one test, removed by `cleanup`. */
export async function tempDir(
  prefix = 'postdesk-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies fixture site `name` into a fresh temporary folder and answers its path. */
export async function copyFixtureSite(name: string): Promise<{ site: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const site = path.join(dir, name);
  await cp(path.join(fixtureSitesDir, name), site, { recursive: true });
  return { site, cleanup };
}
