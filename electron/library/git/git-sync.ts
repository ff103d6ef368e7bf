import type { GitStatus, GitSyncOutcome, GitSyncResult } from '../../../shared/api-git';
import { runGit, type GitRun } from './run-git';

const networkTimeoutMs = 120_000;

/** Git's output with each progress meter (lines rewritten with carriage returns) reduced to its last state. */
export function withoutProgressSteps(text: string): string {
  return text
    .split('\n')
    .map(
      (line) =>
        line
          .split('\r')
          .filter((part) => part.trim() !== '')
          .at(-1) ?? '',
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function result(
  outcome: GitSyncOutcome,
  message: string,
  output = '',
  extra: Partial<GitSyncResult> = {},
): GitSyncResult {
  return {
    outcome,
    message,
    output,
    conflicts: [],
    credentialHelper: null,
    remote: null,
    branch: null,
    ...extra,
  };
}

const authPattern =
  /Authentication failed|could not read (Username|Password)|terminal prompts disabled|Permission denied \(publickey|The requested URL returned error: 40[13]|HTTP Basic: Access denied|Invalid username or password/i;
const rejectedPattern = /\[rejected\]|non-fast-forward|fetch first|Updates were rejected/i;

async function credentialHelper(top: string): Promise<string | null> {
  // git config exits non-zero when no helper is set: no helper.
  const run = await runGit(top, ['config', '--get-all', 'credential.helper']).catch(() => null);
  const helpers = (run?.stdout ?? '').split('\n').filter((line) => line.trim() !== '');
  return helpers.at(-1) ?? null;
}

/** The outcome of a failed network run that is about credentials, else null. */
async function authFailure(top: string, run: GitRun): Promise<GitSyncResult | null> {
  if (!authPattern.test(run.stderr)) return null;
  const helper = await credentialHelper(top);
  const how = helper
    ? `Git's credential helper "${helper}" gave no valid credentials: sign in again through it (or update the password it keeps), then retry.`
    : "No credential helper is configured (git config credential.helper): set one up, e.g. your platform's credential manager, then retry.";
  return result(
    'auth',
    `The remote refused the credentials (authentication failed). ${how} Postdesk stores no passwords.`,
    run.stderr,
    {
      credentialHelper: helper,
    },
  );
}

/** Sends the branch to its upstream (or sets `setUpstream` as the upstream on a first push), classifying refusals. */
export async function push(
  top: string,
  status: GitStatus,
  setUpstream: string | undefined,
  onLine: (line: string) => void,
): Promise<GitSyncResult> {
  if (status.detached || status.branch === null) {
    return result('failed', 'HEAD is detached: check out a branch before pushing.');
  }
  if (status.remotes.length === 0) {
    return result(
      'no-remote',
      'This repository has no remote to push to. Add one (git remote add origin <url>) first.',
    );
  }
  const args = ['push', '--progress', '--porcelain'];
  if (status.upstream === null) {
    if (setUpstream === undefined || !status.remotes.includes(setUpstream)) {
      const remote = status.remotes.includes('origin') ? 'origin' : status.remotes[0]!;
      return result(
        'needs-upstream',
        `The branch ${status.branch} has no upstream yet. Push it to ${remote} and track it there?`,
        '',
        {
          remote,
          branch: status.branch,
        },
      );
    }
    args.push('--set-upstream', setUpstream, `HEAD:refs/heads/${status.branch}`);
  }
  const run = await runGit(top, args, { timeoutMs: networkTimeoutMs, onLine });
  const output = `${run.stderr}${run.stdout}`.trim();
  if (run.code === 0) {
    const quiet = /\[up to date\]/.test(run.stdout) || /Everything up-to-date/.test(run.stderr);
    return result(
      quiet ? 'up-to-date' : 'done',
      quiet ? 'Nothing to push: the remote is up to date.' : 'Pushed.',
      output,
    );
  }
  const auth = await authFailure(top, run);
  if (auth) return auth;
  if (rejectedPattern.test(output)) {
    return result(
      'rejected',
      'The remote has commits this copy does not have (the push was rejected). Pull first, then push again.',
      output,
    );
  }
  return result('failed', `Push failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`, output);
}

/** Brings the upstream's commits in the way the user's git config says (a merge when it says nothing), classifying conflicts. */
export async function pull(
  top: string,
  status: GitStatus,
  onLine: (line: string) => void,
  conflictedAfter: () => Promise<string[]>,
): Promise<GitSyncResult> {
  if (status.detached || status.branch === null)
    return result('failed', 'HEAD is detached: check out a branch before pulling.');
  if (status.operation !== null)
    return result('failed', `Finish or abort the ${status.operation} in progress first.`);
  if (status.upstream === null) {
    return status.remotes.length === 0
      ? result('no-remote', 'This repository has no remote to pull from.')
      : result('failed', `The branch ${status.branch} has no upstream yet: push it first to set one.`);
  }
  const configured = await runGit(top, ['config', '--get-regexp', '^pull\\.(rebase|ff)$']);
  const args = ['pull', '--progress', '--no-edit'];
  // Git 2.27+ refuses a divergent pull when the user chose nothing; a merge loses nothing.
  if (configured.stdout.trim() === '') args.push('--no-rebase');
  const run = await runGit(top, args, { timeoutMs: networkTimeoutMs, onLine });
  const output = `${run.stdout}${run.stderr}`.trim();
  if (run.code === 0) {
    const quiet = /Already up[ -]to[ -]date/i.test(output);
    return result(
      quiet ? 'up-to-date' : 'done',
      quiet ? 'Already up to date.' : "Pulled the remote's changes.",
      output,
    );
  }
  const conflicts = await conflictedAfter();
  if (conflicts.length > 0) {
    return result(
      'conflicts',
      `${conflicts.length === 1 ? '1 file is' : `${conflicts.length} files are`} in conflict: resolve each one, then finish (or abort to go back).`,
      output,
      { conflicts },
    );
  }
  const auth = await authFailure(top, run);
  if (auth) return auth;
  if (/would be overwritten by (merge|checkout)|Please commit your changes or stash them/i.test(output)) {
    return result(
      'failed',
      'The pull would overwrite files you changed: commit or discard those changes first, then pull.',
      output,
    );
  }
  return result('failed', `Pull failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`, output);
}
