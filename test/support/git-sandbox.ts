import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixtureSitesDir } from './temp-site';

/** A temporary world for git tests: its own HOME and global config, a bare remote and a site cloned from it. */
export interface GitSandbox {
  dir: string;
  /** The bare repository playing the remote. */
  bare: string;
  /** The writer's site: a clone of the bare remote, with the fixture's files committed and pushed. */
  site: string;
  /** The environment every git call of the test uses (HOME, GIT_CONFIG_GLOBAL, no system config). */
  env: NodeJS.ProcessEnv;
  /** Runs git with the sandbox's environment and answers its stdout. */
  git: (cwd: string, ...args: string[]) => string;
  /** Makes a second clone of the remote (another writer) and answers its path. */
  clone: (name: string) => string;
  /** Puts the sandbox's HOME and global config into process.env (what the library's git sees) until cleanup. */
  enter: () => void;
  cleanup: () => Promise<void>;
}

/** The environment variables that keep git away from the machine's own configuration. */
export function isolatedGitEnv(home: string, globalConfig: string): Record<string, string> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

/**
 * Builds a sandbox: a global config naming the author (unless `identity` is false), a bare remote
 * on branch main, and fixture site `fixture` committed in a clone of it with its upstream set.
 */
export async function makeGitSandbox(fixture = 'hugo-basic', identity = true): Promise<GitSandbox> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-git-test-'));
  const home = path.join(dir, 'home');
  await mkdir(home);
  const globalConfig = path.join(home, 'gitconfig');
  await writeFile(
    globalConfig,
    `[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n${
      identity ? '[user]\n\tname = Test Writer\n\temail = writer@example.test\n' : ''
    }`,
  );
  const extra = isolatedGitEnv(home, globalConfig);
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
  const bare = path.join(dir, 'remote.git');
  git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const site = path.join(dir, 'site');
  await cp(path.join(fixtureSitesDir, fixture), site, { recursive: true });
  git(site, 'init', '--quiet', '--initial-branch=main');
  const seed = ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.test'];
  git(site, 'add', '--all');
  git(site, ...seed, 'commit', '--quiet', '-m', 'Initial site');
  git(site, 'remote', 'add', 'origin', bare);
  git(site, 'push', '--quiet', '--set-upstream', 'origin', 'main');
  const clone = (name: string): string => {
    const target = path.join(dir, name);
    git(dir, 'clone', '--quiet', bare, target);
    git(target, 'config', 'user.name', 'Other Writer');
    git(target, 'config', 'user.email', 'other@example.test');
    return target;
  };
  const saved = new Map<string, string | undefined>();
  const enter = (): void => {
    for (const [key, value] of Object.entries(extra)) {
      saved.set(key, process.env[key]);
      process.env[key] = value;
    }
  };
  const cleanup = async (): Promise<void> => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    saved.clear();
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, bare, site, env, git, clone, enter, cleanup };
}
