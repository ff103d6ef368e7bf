import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder Postdesk keeps its own files in, as Electron's app.getPath('userData') would name it. */
export function defaultUserDataDir(appName = 'Postdesk'): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

/**
 * Makes sure the bundled sample site exists under `userDataDir` (copying it from `sourceDir` on
 * first use, never over an existing copy the user may have edited) and answers its folder.
 */
export async function ensureSampleSite(userDataDir: string, sourceDir: string): Promise<string> {
  const target = path.join(userDataDir, 'sample-site');
  // Missing or unreadable: treated as absent.
  if (await fs.stat(target).catch(() => null)) return target;
  await fs.mkdir(userDataDir, { recursive: true });
  const staging = `${target}.partial-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.cp(sourceDir, staging, { recursive: true });
  await fs.rename(staging, target);
  return target;
}
