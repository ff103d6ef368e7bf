/**
 * The contract's publishing part: git status, diff, commit, discard, pull, push, conflicts and
 * history of the open site's repository. Rows in the shape of `methods` in shared/api.ts; the
 * library owns git (electron/library/git/), the renderer only calls these methods.
 */
import { z } from 'zod';
import { returns } from './contract/schemas';

/** How a file differs from HEAD, as the post list and the Changes panel show it. */
export type GitFileState = 'new' | 'modified' | 'deleted' | 'renamed' | 'conflicted';

/** One changed file of the repository. */
export interface GitFile {
  /** Repository-relative path with forward slashes (what the git methods take). */
  path: string;
  /** The site-relative id when the file lies inside the site, else null. */
  id: string | null;
  state: GitFileState;
  /** True when the file lies in one of the site's content folders or its static folder. */
  inSite: boolean;
  /** For renames: the repository-relative path it had. */
  from: string | null;
}

/** Whether git and a repository were found for the open site. */
export type GitAvailability = 'ready' | 'no-git' | 'not-repo';

/** What a merge or rebase left in progress. */
export type GitOperation = 'merge' | 'rebase' | null;

/** The repository's state as one `git status` call sees it. */
export interface GitStatus {
  availability: GitAvailability;
  /** A sentence for the user when something needs their attention (not a repository, detached HEAD...). */
  message: string | null;
  /** The branch name, or null on a detached HEAD or before the first commit's branch is known. */
  branch: string | null;
  detached: boolean;
  /** The upstream (e.g. `origin/main`), or null when none is set. */
  upstream: string | null;
  ahead: number;
  behind: number;
  /** The repository's remotes by name (the first push asks which to use). */
  remotes: string[];
  operation: GitOperation;
  files: GitFile[];
  /** True when the file list was cut at the limit (a huge change set). */
  truncated: boolean;
  /** The author identity from git config, or null when user.name or user.email is missing. */
  identity: { name: string; email: string } | null;
  /** True when the repository has submodules (themes are often one): they are never committed from here. */
  submodules: boolean;
  /** The generator's suggested .gitignore, offered with `gitInit` when the folder is not a repository. */
  suggestedIgnore: string | null;
}

/** Both sides of a changed file: its text at HEAD and in the work tree (null when absent or binary). */
export interface GitDiff {
  path: string;
  head: string | null;
  work: string | null;
  /** Why a side cannot be shown (binary, too large), or null. */
  note: string | null;
}

/** The two versions of a file in conflict, named as the writer sees them. */
export interface GitConflict {
  path: string;
  /** The writer's own version (the local commit). */
  mine: string | null;
  /** The version that came from the remote. */
  theirs: string | null;
  /** The work-tree file as git left it (with conflict markers). */
  merged: string | null;
}

/** What a commit answers. */
export interface GitCommitResult {
  commit: string;
  summary: string;
  /** The hooks' and git's output, for the user. */
  output: string;
}

/** What a pull or push ended in. */
export type GitSyncOutcome =
  'done' | 'up-to-date' | 'conflicts' | 'needs-upstream' | 'rejected' | 'auth' | 'no-remote' | 'failed';

/** What a pull or push answers: its outcome, a sentence for the user and the remote's own messages. */
export interface GitSyncResult {
  outcome: GitSyncOutcome;
  message: string;
  output: string;
  /** Files left in conflict by a pull. */
  conflicts: string[];
  /** For `auth`: the configured credential helper, or null when none is configured. */
  credentialHelper: string | null;
  /** For `needs-upstream`: the remote and branch a first push would set. */
  remote: string | null;
  branch: string | null;
}

/** One commit of a post's history. */
export interface GitLogEntry {
  hash: string;
  date: string;
  author: string;
  subject: string;
}

/** Pushed while a pull or push runs: git's progress lines. */
export interface GitProgressEvent {
  operation: 'pull' | 'push';
  line: string;
}

const maxPath = 4096;

/** A repository-relative path as it may cross the bridge; the library accepts only paths git reports. */
const RepoPath = z
  .string()
  .min(1, 'a path is required')
  .max(maxPath, 'the path is too long')
  .refine((value) => !value.includes('\0'), 'the path holds a NUL byte');

const Hash = z.string().regex(/^[0-9a-f]{7,64}$/, 'not a commit id');

/** The git methods of the contract. */
export const gitMethods = {
  gitStatus: { args: z.object({}).strict(), result: returns<GitStatus>() },
  gitDiff: { args: z.object({ path: RepoPath }).strict(), result: returns<GitDiff>() },
  gitCommit: {
    args: z
      .object({
        paths: z.array(RepoPath).min(1, 'tick at least one file').max(20_000, 'too many files at once'),
        message: z.string().trim().min(1, 'a commit message is required').max(20_000),
      })
      .strict(),
    result: returns<GitCommitResult>(),
  },
  gitDiscard: { args: z.object({ path: RepoPath }).strict(), result: returns<{ trashId: string | null }>() },
  gitSetIdentity: {
    args: z
      .object({
        name: z.string().trim().min(1, 'a name is required').max(200),
        email: z
          .string()
          .trim()
          .min(3, 'an email is required')
          .max(320)
          .includes('@', { message: 'not an email' }),
      })
      .strict(),
    result: returns<null>(),
  },
  gitPull: { args: z.object({}).strict(), result: returns<GitSyncResult>() },
  gitPush: {
    args: z.object({ setUpstream: z.string().max(200).optional() }).strict(),
    result: returns<GitSyncResult>(),
  },
  gitConflict: { args: z.object({ path: RepoPath }).strict(), result: returns<GitConflict>() },
  gitResolve: {
    args: z.object({ path: RepoPath, text: z.string().max(64 * 1024 * 1024) }).strict(),
    result: returns<null>(),
  },
  gitFinish: {
    args: z.object({ action: z.enum(['continue', 'abort']) }).strict(),
    result: returns<{ output: string }>(),
  },
  gitInit: { args: z.object({ ignore: z.boolean() }).strict(), result: returns<null>() },
  gitHistory: { args: z.object({ id: RepoPath }).strict(), result: returns<GitLogEntry[]>() },
  gitShowVersion: {
    args: z.object({ id: RepoPath, hash: Hash }).strict(),
    result: returns<{ text: string }>(),
  },
} as const;

/** The git events of the contract. */
export const gitEvents = {
  gitProgress: returns<GitProgressEvent>(),
} as const;
