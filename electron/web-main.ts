/**
 * `npm run web -- --site <folder> [--port N]`: the browser mode. Serves the renderer and the
 * contract from the same library the desktop app uses, on 127.0.0.1 with a secret token, prints
 * the address on a line of its own and runs until Ctrl+C or SIGTERM.
 */
import path from 'node:path';
import { parseCommandLine } from './command-line';
import { startWebHost } from './host/web-host';
import { createLibrary } from './library/library-service';
import { defaultUserDataDir, ensureSampleSite } from './library/sample-site';

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  const here = __dirname;
  const site =
    options.site ??
    (await ensureSampleSite(
      options.userDataDir ?? defaultUserDataDir(),
      path.join(here, '..', 'sample-site'),
    ));
  const userData = options.userDataDir ?? defaultUserDataDir();
  const library = createLibrary({
    backupDir: path.join(userData, 'backups'),
    diagnosticsDir: path.join(userData, 'diagnostics'),
  });
  await library.handlers.openSite({ path: site });
  const host = await startWebHost({
    library,
    rendererDir: path.join(here, '..', 'renderer'),
    port: options.port ?? 0,
  });
  process.stdout.write(`Postdesk is serving ${site}\nOpen this address in your browser:\n${host.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.close(), library.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`postdesk-web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
