import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload, Handlers, SiteInfo } from '../../../shared/api';
import type { GitFile, GitLogEntry, GitStatus } from '../../../shared/api-git';
import type { gitMethods } from '../../../shared/api-git';
import { PostdeskError } from '../../../shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { moveToTrash } from '../post-trash';
import { checkRelativeId, isInside } from '../site-paths';
import { findRepo, idOf, readStatus, suggestedIgnore, type RepoPlace } from './git-repo';
import { pull, push } from './git-sync';
import { explain, gitOk, runGit } from './run-git';

/** The git handlers of the contract. */
export type GitHandlers = Pick<Handlers, keyof typeof gitMethods>;

/** What the git handlers need from the library: the open site and a way to push events. */
export interface GitContext {
  site: () => SiteInfo;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /**
   * Told the site-relative ids of the files a git operation rewrote (pull, resolve, discard, finish),
   * so open tabs and the list follow even when the watcher takes the bytes for the app's own save.
   */
  touched?: (ids: string[]) => Promise<void>;
}

const maxShownBytes = 4 * 1024 * 1024;

function textOrNull(bytes: Buffer): string | null {
  if (bytes.length > maxShownBytes) return null;
  if (bytes.subarray(0, 8000).includes(0)) return null;
  return bytes.toString('utf8');
}

/** A work-tree file's bytes as git sees them: a symbolic link's target text (never followed), else the file; null when absent. */
async function readWorkFile(file: string): Promise<Buffer | null> {
  // Missing or unreadable: treated as absent.
  const link = await fs.lstat(file).catch(() => null);
  if (link === null) return null;
  if (link.isSymbolicLink()) return Buffer.from(await fs.readlink(file), 'utf8');
  if (!link.isFile() || link.size > maxShownBytes)
    return link.isFile() ? Buffer.alloc(maxShownBytes + 1) : null;
  return fs.readFile(file);
}

/**
 * The handlers that publish through git: every call finds the site's repository afresh, accepts
 * only paths git itself reports as changed, and runs one git operation at a time.
 */
export function createGitHandlers(context: GitContext): GitHandlers {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    // The queue only orders operations: each caller gets its own operation's failure through `next`.
    queue = next.catch(() => undefined);
    return next;
  };

  async function repo(): Promise<{ info: SiteInfo; place: RepoPlace }> {
    const info = context.site();
    const place = await findRepo(info.root);
    if (place === null) throw new PostdeskError('invalid-argument', 'This site is not in a git repository.');
    return { info, place };
  }

  /** The changed file git reports at `repoPath`; anything else is refused. */
  function known(status: GitStatus, repoPath: string): GitFile {
    const file = status.files.find((candidate) => candidate.path === repoPath);
    if (!file)
      throw new PostdeskError(
        'path-refused',
        `${repoPath.slice(0, 200)} is not a changed file of this repository.`,
      );
    return file;
  }

  async function absolute(place: RepoPlace, repoPath: string): Promise<string> {
    checkRelativeId(repoPath);
    const joined = path.join(place.top, ...repoPath.split('/'));
    const parent = await fs.realpath(path.dirname(joined));
    if (!isInside(place.top, parent))
      throw new PostdeskError('path-refused', `${repoPath} leads outside the repository.`);
    return path.join(parent, path.basename(joined));
  }

  async function withPathspecFile<T>(
    paths: readonly string[],
    work: (file: string) => Promise<T>,
  ): Promise<T> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'postdesk-git-'));
    const file = path.join(dir, 'pathspec');
    try {
      await fs.writeFile(file, `${paths.join('\0')}\0`);
      return await work(file);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  const headOf = async (top: string): Promise<string | null> => {
    const run = await runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    return run.code === 0 ? run.stdout.trim() : null;
  };
  /** Reports the files that differ between `before` and HEAD now, plus `also`, to `touched`. */
  const report = async (place: RepoPlace, before: string | null, also: readonly string[]): Promise<void> => {
    if (!context.touched) return;
    const paths = new Set(also);
    const after = await headOf(place.top);
    if (before !== null && after !== null && before !== after) {
      const run = await runGit(place.top, ['diff', '--name-only', '-z', before, after]);
      for (const name of run.stdout.split('\0')) if (name !== '') paths.add(name);
    }
    const ids: string[] = [];
    for (const repoPath of paths) {
      const id = idOf(place, repoPath);
      if (id !== null) ids.push(id);
    }
    // touched reports its own failures to the diagnostics log (library-service); the git operation itself succeeded.
    if (ids.length > 0) await context.touched(ids).catch(() => undefined);
  };

  const conflicted = async (): Promise<string[]> =>
    (await readStatus(context.site())).files
      .filter((file) => file.state === 'conflicted')
      .map((file) => file.path);

  return {
    gitStatus: async () => readStatus(context.site()),

    async gitDiff({ path: repoPath }) {
      const { info, place } = await repo();
      const file = known(await readStatus(info), repoPath);
      const headRun =
        file.state === 'new'
          ? null
          : await runGit(place.top, ['show', `HEAD:${repoPath}`], { maxBytes: maxShownBytes * 2 });
      const headText = headRun && headRun.code === 0 ? textOrNull(Buffer.from(headRun.stdout, 'utf8')) : null;
      const workBytes = file.state === 'deleted' ? null : await readWorkFile(await absolute(place, repoPath));
      const work = workBytes ? textOrNull(workBytes) : null;
      const binary = (workBytes !== null && work === null) || (headRun?.code === 0 && headText === null);
      return {
        path: repoPath,
        head: headText,
        work,
        note: binary ? 'This file is binary or too large to compare as text.' : null,
      };
    },

    gitCommit: ({ paths, message }) =>
      serial(async () => {
        const { info, place } = await repo();
        const status = await readStatus(info);
        if (status.operation !== null) {
          throw new PostdeskError(
            'invalid-argument',
            `A ${status.operation} is in progress: finish or abort it first.`,
          );
        }
        if (status.identity === null) {
          throw new PostdeskError(
            'invalid-argument',
            'Git does not know who you are: set your name and email first.',
          );
        }
        const unique = [...new Set(paths)];
        for (const repoPath of unique) {
          const file = known(status, repoPath);
          if (file.state === 'conflicted')
            throw new PostdeskError('invalid-argument', `${repoPath} is in conflict: resolve it first.`);
        }
        const commit = await withPathspecFile(unique, async (spec) => {
          const pathspec = [`--pathspec-from-file=${spec}`, '--pathspec-file-nul'];
          await gitOk(place.top, ['add', '--all', ...pathspec], 'Adding the files');
          const run = await runGit(place.top, ['commit', '--only', '--quiet', '-m', message, ...pathspec], {
            timeoutMs: 120_000,
          });
          if (run.code !== 0) throw new PostdeskError('io', `The commit failed:\n${explain(run)}`);
          return run;
        });
        const head = (
          await gitOk(place.top, ['log', '-1', '--format=%H%x00%s'], 'Reading the commit')
        ).trim();
        const [hash = '', summary = ''] = head.split('\0');
        return { commit: hash, summary, output: `${commit.stdout}${commit.stderr}`.trim() };
      }),

    gitDiscard: ({ path: repoPath }) =>
      serial(async () => {
        const { info, place } = await repo();
        const file = known(await readStatus(info), repoPath);
        if (file.id === null)
          throw new PostdeskError(
            'path-refused',
            `${repoPath} lies outside the site: discard it with git itself.`,
          );
        if (file.state === 'conflicted')
          throw new PostdeskError('invalid-argument', `${repoPath} is in conflict: resolve it instead.`);
        let trashId: string | null = null;
        if (file.state !== 'deleted') {
          trashId = await moveToTrash(info.root, await absolute(place, repoPath), {
            originalId: file.id,
            title: file.id,
            bundle: false,
          });
        }
        if (file.state === 'new') {
          await gitOk(
            place.top,
            ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', repoPath],
            'Unstaging the file',
          );
        } else {
          await gitOk(place.top, ['checkout', 'HEAD', '--', repoPath], 'Restoring the committed version');
        }
        await report(place, null, [repoPath]);
        return { trashId };
      }),

    async gitSetIdentity({ name, email }) {
      const { place } = await repo();
      await gitOk(place.top, ['config', '--local', 'user.name', name], 'Setting your name');
      await gitOk(place.top, ['config', '--local', 'user.email', email], 'Setting your email');
      return null;
    },

    gitPull: () =>
      serial(async () => {
        const { info, place } = await repo();
        return pull(
          place.top,
          await readStatus(info),
          (line) => context.emit('gitProgress', { operation: 'pull', line }),
          conflicted,
        );
      }),

    gitPush: ({ setUpstream }) =>
      serial(async () => {
        const { info, place } = await repo();
        return push(place.top, await readStatus(info), setUpstream, (line) =>
          context.emit('gitProgress', { operation: 'push', line }),
        );
      }),

    async gitConflict({ path: repoPath }) {
      const { info, place } = await repo();
      const status = await readStatus(info);
      if (known(status, repoPath).state !== 'conflicted')
        throw new PostdeskError('invalid-argument', `${repoPath} is not in conflict.`);
      const stage = async (n: number): Promise<string | null> => {
        const run = await runGit(place.top, ['show', `:${n}:${repoPath}`]);
        return run.code === 0 ? run.stdout : null;
      };
      const [ours, theirs] = [await stage(2), await stage(3)];
      // In a rebase, "ours" is the upstream being replayed onto and "theirs" is the writer's commit.
      const rebase = status.operation === 'rebase';
      const mergedBytes = await readWorkFile(await absolute(place, repoPath));
      const merged = mergedBytes ? textOrNull(mergedBytes) : null;
      return { path: repoPath, mine: rebase ? theirs : ours, theirs: rebase ? ours : theirs, merged };
    },

    gitResolve: ({ path: repoPath, text }) =>
      serial(async () => {
        const { info, place } = await repo();
        if (known(await readStatus(info), repoPath).state !== 'conflicted') {
          throw new PostdeskError('invalid-argument', `${repoPath} is not in conflict.`);
        }
        await writeFileAtomic(await absolute(place, repoPath), text);
        await gitOk(place.top, ['add', '--', repoPath], 'Marking the file resolved');
        await report(place, null, [repoPath]);
        return null;
      }),

    gitFinish: ({ action }) =>
      serial(async () => {
        const { info, place } = await repo();
        const status = await readStatus(info);
        if (status.operation === null)
          throw new PostdeskError('invalid-argument', 'No merge or rebase is in progress.');
        if (action === 'continue' && status.files.some((file) => file.state === 'conflicted')) {
          throw new PostdeskError(
            'invalid-argument',
            'Some files are still in conflict: resolve each one first.',
          );
        }
        const args =
          status.operation === 'merge'
            ? action === 'abort'
              ? ['merge', '--abort']
              : ['commit', '--no-edit']
            : ['rebase', action === 'abort' ? '--abort' : '--continue'];
        const before = await headOf(place.top);
        const run = await runGit(place.top, args, { timeoutMs: 120_000 });
        if (run.code !== 0) throw new PostdeskError('io', `git ${args.join(' ')} failed:\n${explain(run)}`);
        await report(
          place,
          before,
          status.files.map((file) => file.path),
        );
        return { output: `${run.stdout}${run.stderr}`.trim() };
      }),

    gitInit: ({ ignore }) =>
      serial(async () => {
        const info = context.site();
        if ((await findRepo(info.root)) !== null)
          throw new PostdeskError('exists', 'This site is already in a git repository.');
        await gitOk(info.root, ['init', '--quiet'], 'Creating the repository');
        if (ignore) {
          await writeFileAtomic(path.join(info.root, '.gitignore'), suggestedIgnore(info.generator), {
            exclusive: true,
          }).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          });
        }
        return null;
      }),

    async gitHistory({ id }) {
      checkRelativeId(id);
      const { place } = await repo();
      const run = await runGit(place.top, [
        'log',
        '--follow',
        '-n',
        '200',
        '--format=%H%x00%aI%x00%an%x00%s%x1e',
        '--',
        `${place.prefix}${id}`,
      ]);
      if (run.code !== 0) return [];
      const entries: GitLogEntry[] = [];
      for (const record of run.stdout.split('\x1e')) {
        const [hash, date, author, subject] = record.trim().split('\0');
        if (hash && date) entries.push({ hash, date, author: author ?? '', subject: subject ?? '' });
      }
      return entries;
    },

    async gitShowVersion({ id, hash }) {
      checkRelativeId(id);
      const { place } = await repo();
      const run = await runGit(place.top, ['show', `${hash}:${place.prefix}${id}`]);
      if (run.code !== 0)
        throw new PostdeskError('not-found', `${id} does not exist at commit ${hash.slice(0, 12)}.`);
      return { text: run.stdout };
    },
  };
}
