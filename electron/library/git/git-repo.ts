import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { GitFile, GitOperation, GitStatus } from '../../../shared/api-git';
import type { Generator, SiteInfo } from '../../../shared/api';
import { PostdeskError } from '../../../shared/errors';
import { trashFolder } from '../post-trash';
import { parseStatus } from './parse-status';
import { gitMissingMessage, runGit } from './run-git';

/** Where the open site's repository is: its work tree and git folder (real paths), and the site's place in it. */
export interface RepoPlace {
  top: string;
  gitDir: string;
  /** The site root relative to the work tree, '' or ending with '/'. */
  prefix: string;
}

/** Finds the repository holding `siteRoot` (itself or a folder above); null when there is none. Throws when git is missing. */
export async function findRepo(siteRoot: string): Promise<RepoPlace | null> {
  const run = await runGit(siteRoot, ['rev-parse', '--show-toplevel', '--absolute-git-dir']);
  if (run.code !== 0) return null;
  const [topLine, gitDirLine] = run.stdout.split('\n');
  if (!topLine || !gitDirLine) return null;
  const top = await fs.realpath(topLine);
  const relative = path.relative(top, siteRoot).split(path.sep).join('/');
  if (relative.startsWith('..')) return null;
  return { top, gitDir: gitDirLine, prefix: relative === '' ? '' : `${relative}/` };
}

/** The merge or rebase git left in progress in `gitDir`, or null. */
export async function operationOf(gitDir: string): Promise<GitOperation> {
  const exists = (name: string): Promise<boolean> =>
    fs.lstat(path.join(gitDir, name)).then(
      () => true,
      // Absent (or unreadable): no such operation in progress.
      () => false,
    );
  if ((await exists('rebase-merge')) || (await exists('rebase-apply'))) return 'rebase';
  if (await exists('MERGE_HEAD')) return 'merge';
  return null;
}

const ignores: Record<Generator, string[]> = {
  hugo: ['public/', 'resources/_gen/', '.hugo_build.lock'],
  jekyll: ['_site/', '.jekyll-cache/', '.jekyll-metadata', '.sass-cache/'],
  eleventy: ['node_modules/', '_site/', '.cache/'],
  astro: ['node_modules/', 'dist/', '.astro/'],
  configured: ['node_modules/', 'dist/', '_site/', '.cache/'],
  plain: ['node_modules/'],
};

/** The .gitignore offered with `git init`: the generator's output folders and Postdesk's trash. */
export function suggestedIgnore(generator: Generator): string {
  return [
    `# ${generator === 'hugo' ? 'Hugo' : generator === 'jekyll' ? 'Jekyll' : 'Site'} build output`,
    ...ignores[generator],
    '',
    '# Posts deleted in Postdesk',
    `${trashFolder}/`,
    '.DS_Store',
    '',
  ].join('\n');
}

/** True when a repository-relative path lies in a content folder or the static folder of the site. */
function inSiteFolders(info: SiteInfo, id: string): boolean {
  const folders = [...info.contentDirs, ...(info.staticDir ? [info.staticDir] : [])];
  return folders.some((dir) => dir === '.' || id === dir || id.startsWith(`${dir}/`));
}

/** Site-relative id of a repository-relative path, or null when it lies outside the site. */
export function idOf(place: RepoPlace, repoPath: string): string | null {
  if (place.prefix === '') return repoPath;
  return repoPath.startsWith(place.prefix) ? repoPath.slice(place.prefix.length) : null;
}

const emptyStatus = (info: SiteInfo): GitStatus => ({
  availability: 'not-repo',
  message: null,
  branch: null,
  detached: false,
  upstream: null,
  ahead: 0,
  behind: 0,
  remotes: [],
  operation: null,
  files: [],
  truncated: false,
  identity: null,
  submodules: false,
  suggestedIgnore: suggestedIgnore(info.generator),
});

/**
 * The repository's status for the site in one `git status --porcelain=v2 -z --branch` call (plus
 * the identity, remotes and any merge or rebase in progress), each file marked against HEAD.
 */
export async function readStatus(info: SiteInfo): Promise<GitStatus> {
  let place: RepoPlace | null;
  try {
    place = await findRepo(info.root);
  } catch (error) {
    if (error instanceof PostdeskError && error.message === gitMissingMessage) {
      return {
        ...emptyStatus(info),
        availability: 'no-git',
        message: gitMissingMessage,
        suggestedIgnore: null,
      };
    }
    throw error;
  }
  if (place === null) {
    return {
      ...emptyStatus(info),
      message: 'This site is not in a git repository. Create one to publish from Postdesk.',
    };
  }
  const [status, config, remotes, operation, modules] = await Promise.all([
    runGit(
      place.top,
      ['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all', '--no-renames'],
      {
        env: { GIT_OPTIONAL_LOCKS: '0' },
      },
    ),
    runGit(place.top, ['config', '--get-regexp', '^user\\.(name|email)$']),
    runGit(place.top, ['remote']),
    operationOf(place.gitDir),
    fs.lstat(path.join(place.top, '.gitmodules')).then(
      () => true,
      // No .gitmodules: no submodules.
      () => false,
    ),
  ]);
  if (status.code !== 0) throw new PostdeskError('io', `git status failed: ${status.stderr.trim()}`);
  const parsed = parseStatus(status.stdout);
  const trashPrefix = `${place.prefix}${trashFolder}/`;
  const files: GitFile[] = [];
  for (const entry of parsed.entries) {
    if (entry.path.startsWith(trashPrefix)) continue;
    const id = idOf(place, entry.path);
    files.push({ ...entry, id, inSite: id !== null && inSiteFolders(info, id) });
  }
  let name = '';
  let email = '';
  for (const line of config.stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const key = line.slice(0, space).toLowerCase();
    if (key === 'user.name') name = line.slice(space + 1).trim();
    if (key === 'user.email') email = line.slice(space + 1).trim();
  }
  const messages: string[] = [];
  if (parsed.detached) {
    messages.push(
      'HEAD is detached (no branch is checked out): commits would belong to no branch. Check out a branch in a terminal first.',
    );
  }
  if (operation === 'merge') {
    messages.push(
      'A merge is in progress: resolve the files in conflict, then "Finish merge", or "Abort merge" to go back.',
    );
  }
  if (operation === 'rebase') {
    messages.push(
      'A rebase is in progress: resolve the files in conflict, then "Continue rebase", or "Abort rebase" to go back.',
    );
  }
  if (parsed.truncated)
    messages.push('The repository has very many changes; only the first 50,000 are listed.');
  return {
    availability: 'ready',
    message: messages.length > 0 ? messages.join(' ') : null,
    branch: parsed.branch,
    detached: parsed.detached,
    upstream: parsed.upstream,
    ahead: parsed.ahead,
    behind: parsed.behind,
    remotes: remotes.stdout.split('\n').filter((line) => line.trim() !== ''),
    operation,
    files,
    truncated: parsed.truncated,
    identity: name && email ? { name, email } : null,
    submodules: modules || parsed.submodules,
    suggestedIgnore: null,
  };
}
