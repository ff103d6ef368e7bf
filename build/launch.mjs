// `npm start` and `npm run web`: print the options (`--help`), build only when out/ is stale, then
// start the desktop app or the browser-mode host. Where Electron's binary is not installed (its
// download failed or was skipped), `npm start` says so and starts the browser mode instead, so the
// README's first command works on every machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildApp } from './build.mjs';
import { root } from './build-stamp.mjs';

const usage = `Postdesk: an editor for the posts of static-site blogs.

  npm start [-- options]     the desktop app (Electron)
  npm run web [-- options]   the browser mode: serves Postdesk on 127.0.0.1 and prints the address to open

Options:
  --site <folder>            open this site (default: a sample Hugo site in the user-data folder)
  --user-data-dir <folder>   where settings, backups and the sample site live
                             (default: ~/.config/Postdesk on Linux)
  --port <n>                 browser mode: the port to serve on (default: any free port)
  --help, -h                 print this and exit

Examples:
  npm start -- --site ~/blog
  npm run web -- --site ~/blog --port 8080
`;

/** The path of Electron's executable, or the reason it cannot be used. */
function electronExecutable() {
  try {
    const executable = createRequire(path.join(root, 'package.json'))('electron');
    if (typeof executable !== 'string' || executable.length === 0)
      return { missing: 'the electron package did not name its executable' };
    if (!existsSync(executable)) return { missing: `no Electron executable at ${executable}` };
    return { executable };
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Runs a child with this terminal, passing Ctrl+C and SIGTERM on, and exits with its code. */
function runChild(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`[postdesk] could not start ${command}: ${error.message}`);
    process.exit(1);
  });
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return;
  }
  let startWeb = mode === 'web';
  if (mode === 'desktop') {
    const electron = electronExecutable();
    if ('missing' in electron) {
      console.log(
        [
          "[postdesk] The desktop app needs Electron's binary, which is not installed here",
          `           (${electron.missing}).`,
          '           Starting the browser mode instead: open the address printed below.',
          '           For the desktop app, install the binary on a machine that can download it:',
          '             node node_modules/electron/install.js   (or: npm rebuild electron)',
          '           The browser mode on its own: npm run web   (npm start -- --help lists the options)',
        ].join('\n'),
      );
      startWeb = true;
    } else {
      await buildApp({ ifStale: true });
      runChild(electron.executable, ['.', ...args]);
      return;
    }
  } else if (mode !== 'web') {
    throw new Error(`unknown mode ${mode ?? '(none)'}: use "desktop" or "web"`);
  }
  if (startWeb) {
    await buildApp({ ifStale: true });
    runChild(process.execPath, [path.join(root, 'out', 'web', 'postdesk-web.cjs'), ...args]);
  }
}

main().catch((error) => {
  console.error(`[postdesk] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
