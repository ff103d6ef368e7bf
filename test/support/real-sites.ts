import { cp } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './temp-site';

/** The folder of the fixtures written in the shape of real public sites. */
export const realSitesDir = path.resolve(__dirname, '..', 'fixtures', 'real');

/** Copies real-shaped fixture site `name` into a fresh temporary folder and answers its path. */
export async function copyRealSite(name: string): Promise<{ site: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir('postdesk-real-');
  const site = path.join(dir, name);
  await cp(path.join(realSitesDir, name), site, { recursive: true });
  return { site, cleanup };
}
