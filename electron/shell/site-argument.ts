import { statSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from '../command-line';

/**
 * The site folder a launch asks for: `--site <folder>`, else the last plain argument that is an
 * existing folder (how file managers and `postdesk ~/blog` pass it), resolved against `cwd`.
 * The app's own folder (`electron .`) is never taken for a site. Null when there is none.
 */
export function siteFromArgv(argv: readonly string[], cwd: string, appPath: string): string | null {
  let options;
  try {
    options = parseCommandLine(argv);
  } catch {
    // A malformed command line names no site: the window opens without one.
    options = null;
  }
  if (options?.site) return path.resolve(cwd, options.site);
  const app = path.resolve(appPath);
  for (let index = argv.length - 1; index >= 1; index--) {
    const argument = argv[index] ?? '';
    const previous = argv[index - 1] ?? '';
    if (argument.startsWith('-') || /^--(site|port|user-data-dir)$/.test(previous)) continue;
    const candidate = path.resolve(cwd, argument);
    if (candidate === app) continue;
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
  }
  return null;
}
