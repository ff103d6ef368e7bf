import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseStatus } from '../../electron/library/git/parse-status';
import { createLibrary } from '../../electron/library/library-service';
import { median, ms, type BenchContext, type BenchSection } from './bench-section';

const targetMs = 1000;

/** The status target: git status of a 10,000-post site in a repository, with 100 posts changed, in <= 1 s. */
export const gitSection: BenchSection = {
  name: 'Git status: a 10,000-post repository with 100 posts changed and 100 new',
  async run(context: BenchContext) {
    const site = path.join(context.workDir, 'git-10000');
    await cp(await context.site(10000), site, { recursive: true });
    const env = {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(context.workDir, 'gitconfig'),
    };
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: site, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    git('init', '--quiet');
    git('add', '--all');
    git(
      '-c',
      'user.name=Bench',
      '-c',
      'user.email=bench@example.test',
      'commit',
      '--quiet',
      '-m',
      'Bench site',
    );
    const posts = path.join(site, 'content', 'posts');
    const names = (await readdir(posts)).filter((name) => name.endsWith('.md')).slice(0, 100);
    for (const name of names) {
      const file = path.join(posts, name);
      await writeFile(file, `${await readFile(file, 'utf8')}\nEdited.\n`);
      await writeFile(path.join(posts, `new-${name}`), '---\ntitle: New\n---\n');
    }
    const raw = git('status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all');
    const parseTimes: number[] = [];
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      parseStatus(raw);
      parseTimes.push(performance.now() - started);
    }
    process.env.GIT_CONFIG_GLOBAL = env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    const library = createLibrary({ watch: false });
    await library.handlers.openSite({ path: site });
    const times: number[] = [];
    let files = 0;
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      files = (await library.handlers.gitStatus({})).files.length;
      times.push(performance.now() - started);
    }
    await library.close();
    const status = median(times);
    context.print(
      `gitStatus (whole call, ${files} changed files): ${ms(status)} median of 7 · target <= ${targetMs} ms · ${(status / targetMs).toFixed(2)}x the target`,
    );
    context.print(`parsing the porcelain answer alone: ${ms(median(parseTimes))} median of 20`);
  },
};
