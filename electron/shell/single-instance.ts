import type { App } from 'electron';
import { siteFromArgv } from './site-argument';

/**
 * Makes this process the only Postdesk: answers false (and quits) when another instance holds the
 * lock; else a later launch reaches `onSecondLaunch` with the site folder it named (or null), so
 * the first instance can focus its window and open that site.
 */
export function claimSingleInstance(app: App, onSecondLaunch: (site: string | null) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    onSecondLaunch(siteFromArgv(argv, workingDirectory, app.getAppPath()));
  });
  return true;
}
