import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A `postdesk-web` child process and the address it printed. */
export interface WebHostProcess {
  url: string;
  child: ChildProcess;
  /** Stops it with SIGTERM (its clean exit) and waits for it to end. */
  stop: () => Promise<void>;
}

/**
 * Starts the built browser-mode host (`out/web/postdesk-web.cjs` under `repoRoot`) on a site and a
 * free port, with its own user-data folder when one is given, and answers once it printed its address.
 */
export async function startWebHostProcess(
  repoRoot: string,
  site: string,
  userDataDir?: string,
): Promise<WebHostProcess> {
  const profileArgs = userDataDir ? ['--user-data-dir', userDataDir] : [];
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'out', 'web', 'postdesk-web.cjs'), '--site', site, '--port', '0', ...profileArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`postdesk-web printed no address:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postdesk-web exited with ${code}:\n${output}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, child, stop };
}
