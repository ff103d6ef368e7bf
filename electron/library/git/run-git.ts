import { spawn } from 'node:child_process';
import { PostdeskError } from '../../../shared/errors';

/** What one git run produced. */
export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** How one git run is made. */
export interface GitRunOptions {
  /** Kill git after this many milliseconds (default 30 s; network calls pass more). */
  timeoutMs?: number;
  /** Called with each line git writes to stderr (its progress), as it comes. */
  onLine?: (line: string) => void;
  /** Extra environment variables for this run. */
  env?: Record<string, string>;
  /** The most stdout bytes kept (default 64 MiB); more fails the run. */
  maxBytes?: number;
}

const defaultTimeoutMs = 30_000;
const defaultMaxBytes = 64 * 1024 * 1024;

/**
 * The environment every git run gets: never a prompt on a terminal or a window (no terminal prompt,
 * an askpass that fails, no credential-manager dialogs), messages in English so they can be
 * recognised, and the user's own config, hooks and credential helpers otherwise untouched.
 */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const askpassFails = process.platform === 'win32' ? 'exit 1' : 'false';
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: askpassFails,
    SSH_ASKPASS: askpassFails,
    SSH_ASKPASS_REQUIRE: 'never',
    GCM_INTERACTIVE: 'never',
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes -o ConnectTimeout=20',
    GIT_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    ...extra,
  };
}

/**
 * Runs the system `git` with an argument array (never a shell) in `cwd`, stdin closed, with a
 * timeout, and answers its exit code and output. Throws `io` with a clear message when git is not
 * installed, times out or writes more than the limit; a non-zero exit is answered, not thrown.
 */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitRun> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-pager', '--literal-pathspecs', ...args], {
      cwd,
      env: gitEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let pending = '';
    let failure: PostdeskError | null = null;
    const timer = setTimeout(() => {
      failure = new PostdeskError(
        'io',
        `git ${args[0]} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
      );
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxBytes) {
        failure ??= new PostdeskError('io', `git ${args[0]} answered more than ${maxBytes} bytes; stopped.`);
        child.kill('SIGKILL');
        return;
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (err.length < 1024 * 1024) err += text;
      if (!options.onLine) return;
      pending += text;
      const parts = pending.split(/[\r\n]/);
      pending = parts.pop() ?? '';
      for (const line of parts) if (line.trim() !== '') options.onLine(line.trim());
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') {
        reject(new PostdeskError('io', gitMissingMessage, { cause: error }));
      } else {
        reject(new PostdeskError('io', `Could not run git: ${error.message}`, { cause: error }));
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/** The sentence shown when the system has no `git` program. */
export const gitMissingMessage =
  'Git is not installed (no "git" program was found). Install it from https://git-scm.com or your system\'s packages to publish from Postdesk.';

/** Runs git and answers its stdout, or throws `io` naming what failed with git's own message. */
export async function gitOk(
  cwd: string,
  args: readonly string[],
  what: string,
  options: GitRunOptions = {},
): Promise<string> {
  const run = await runGit(cwd, args, options);
  if (run.code !== 0) throw new PostdeskError('io', `${what} failed: ${explain(run)}`);
  return run.stdout;
}

/** Git's message of a failed run, with a hint for the states users meet (a locked index). */
export function explain(run: GitRun): string {
  const text = (run.stderr.trim() || run.stdout.trim() || `git exited with ${run.code}`).slice(0, 8000);
  if (/index\.lock/.test(text)) {
    return `${text}\nAnother git program is working in this repository, or one stopped half-way: when none is running, delete the file .git/index.lock and try again.`;
  }
  return text;
}
