import { useEffect, useMemo, useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { GitFile, GitSyncResult } from '../../../shared/api-git';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { changesOpenStore, toggleChanges } from './changes-view-store';
import { suggestCommitMessage } from './commit-message';
import { ConflictView } from './conflict-view';
import { FileDiff } from './file-diff';
import { GitStateMark } from './git-mark';
import { IdentityForm } from './identity-form';
import { PostHistory } from './post-history';
import { RepositorySetup } from './repository-setup';
import './changes.css';

type Busy = 'commit' | 'pull' | 'push' | 'finish' | null;

/**
 * The region named "Changes": the site's changed files with checkboxes, each one's diff and
 * Discard, the commit message and Commit, Pull and Push with their progress and the remote's
 * messages, the identity form, conflicts and the banner of a merge or rebase in progress.
 */
export function ChangesPanel({ api, openId }: { api: PostdeskApi; openId: string | null }) {
  const { git, library } = useAppState();
  const open = useStore(changesOpenStore);
  const { status, error } = useStore(git.store);
  const posts = useStore(library.store, (value) => value.posts);
  const autoPublish = useStore(git.autoPublish.store);
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [resolving, setResolving] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState('');
  const [outcome, setOutcome] = useState<{ text: string; output: string; sync: GitSyncResult | null } | null>(
    null,
  );

  useEffect(() => {
    if (open) void git.refresh();
  }, [git, open]);
  useEffect(() => api.on('gitProgress', (event) => setProgress(event.line)), [api]);

  const titles = useMemo(() => new Map(posts.map((post) => [post.id, post.title])), [posts]);
  const files = status?.files ?? [];
  const siteFiles = files.filter((file) => file.inSite);
  const otherFiles = files.filter((file) => !file.inSite);
  const isTicked = (file: GitFile): boolean =>
    file.state !== 'conflicted' && (choices.get(file.path) ?? file.inSite);
  const ticked = files.filter(isTicked);
  const suggested = suggestCommitMessage(ticked, (id) => titles.get(id) ?? null);
  const commitMessage = message ?? suggested;

  if (!open) return null;

  const after = async (): Promise<void> => {
    await git.refresh();
    await library.refresh();
  };
  const run = async (kind: Busy, work: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    setProgress('');
    setOutcome(null);
    try {
      await work();
    } catch (failure) {
      setOutcome({ text: (failure as Error).message, output: '', sync: null });
    } finally {
      setBusy(null);
      await after();
    }
  };
  const commit = (): Promise<void> =>
    run('commit', async () => {
      const result = await api.gitCommit({ paths: ticked.map((file) => file.path), message: commitMessage });
      setMessage(null);
      setChoices(new Map());
      setShown(null);
      setOutcome({
        text: `Committed ${result.commit.slice(0, 7)}: ${result.summary}`,
        output: result.output,
        sync: null,
      });
    });
  const syncRun = (kind: 'pull' | 'push', setUpstream?: string): Promise<void> =>
    run(kind, async () => {
      const result =
        kind === 'pull' ? await api.gitPull({}) : await api.gitPush(setUpstream ? { setUpstream } : {});
      setOutcome({ text: result.message, output: result.output, sync: result });
    });
  const finish = (action: 'continue' | 'abort'): Promise<void> =>
    run('finish', async () => {
      const result = await api.gitFinish({ action });
      setResolving(null);
      setOutcome({
        text: action === 'abort' ? 'Aborted: the files are as they were before the pull.' : 'Finished.',
        output: result.output,
        sync: null,
      });
    });
  const discard = (file: GitFile): Promise<void> =>
    run(null, async () => {
      const result = await api.gitDiscard({ path: file.path });
      setOutcome({
        text: result.trashId
          ? `Discarded the changes to ${file.path}; your version is in the trash.`
          : `Brought back ${file.path}.`,
        output: '',
        sync: null,
      });
    });

  const fileRow = (file: GitFile) => (
    <li key={file.path} className="git-file">
      <label>
        <input
          type="checkbox"
          checked={isTicked(file)}
          disabled={file.state === 'conflicted'}
          onChange={(event) => setChoices((now) => new Map(now).set(file.path, event.target.checked))}
        />
        <GitStateMark state={file.state} /> {file.path}
      </label>
      {file.state === 'conflicted' ? (
        <button type="button" aria-label={`Resolve ${file.path}`} onClick={() => setResolving(file.path)}>
          Resolve
        </button>
      ) : (
        <>
          <button
            type="button"
            aria-label={`Diff of ${file.path}`}
            aria-pressed={shown === file.path}
            onClick={() => setShown((now) => (now === file.path ? null : file.path))}
          >
            Diff
          </button>
          {file.id !== null ? (
            <button type="button" aria-label={`Discard ${file.path}`} onClick={() => void discard(file)}>
              Discard
            </button>
          ) : null}
        </>
      )}
    </li>
  );

  const ready = status?.availability === 'ready';
  const operation = status?.operation ?? null;
  const sync = outcome?.sync ?? null;
  return (
    <section className="changes-panel" aria-label="Changes">
      <header className="changes-header">
        <h2>Changes</h2>
        {ready ? (
          <span className="changes-branch">
            {status.detached ? 'Detached HEAD' : status.branch}
            {status.upstream
              ? ` → ${status.upstream} (↑${status.ahead} ↓${status.behind})`
              : ' (no upstream)'}
          </span>
        ) : null}
        <button type="button" onClick={() => toggleChanges(false)}>
          Close
        </button>
      </header>
      {error ? <p className="git-error">{error}</p> : null}
      {status === null ? <p>Reading the repository…</p> : null}
      {status && status.availability !== 'ready' ? (
        <RepositorySetup api={api} status={status} onDone={() => void after()} />
      ) : null}
      {ready && status.message ? <p className="git-banner">{status.message}</p> : null}
      {ready && status.submodules ? (
        <p className="git-note">
          This repository has submodules (a theme, often): their changes are committed in their own
          repositories, not here.
        </p>
      ) : null}
      {ready && operation ? (
        <div className="git-banner git-operation" aria-label={`${operation} in progress`} role="group">
          <p>
            {files.some((file) => file.state === 'conflicted')
              ? 'Resolve every file marked "!" (Keep mine, Take theirs or edit), then finish.'
              : 'Every conflict is resolved: finish to complete it.'}
          </p>
          <button type="button" disabled={busy !== null} onClick={() => void finish('continue')}>
            {operation === 'merge' ? 'Finish merge' : 'Continue rebase'}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void finish('abort')}>
            {operation === 'merge' ? 'Abort merge' : 'Abort rebase'}
          </button>
        </div>
      ) : null}
      {ready && resolving ? (
        <ConflictView
          key={resolving}
          api={api}
          path={resolving}
          onResolved={() => {
            setResolving(null);
            void after();
          }}
        />
      ) : null}
      {ready && status.identity === null ? (
        <IdentityForm api={api} onSaved={() => void git.refresh()} />
      ) : null}
      {ready ? (
        <>
          <h3 className="git-group">Site files ({siteFiles.length})</h3>
          {siteFiles.length === 0 ? (
            <p className="git-note">No changes in the content or static folders.</p>
          ) : null}
          <ul className="git-files">{siteFiles.map(fileRow)}</ul>
          {otherFiles.length > 0 ? (
            <>
              <h3 className="git-group">Other files ({otherFiles.length}), not included unless ticked</h3>
              <ul className="git-files">{otherFiles.map(fileRow)}</ul>
            </>
          ) : null}
          {shown && files.some((file) => file.path === shown) ? (
            <FileDiff
              api={api}
              path={shown}
              version={JSON.stringify(files.find((file) => file.path === shown))}
            />
          ) : null}
          <label className="git-message">
            Commit message
            <textarea value={commitMessage} rows={3} onChange={(event) => setMessage(event.target.value)} />
          </label>
          <div className="git-actions">
            <button
              type="button"
              disabled={
                busy !== null ||
                ticked.length === 0 ||
                commitMessage.trim() === '' ||
                status.identity === null ||
                operation !== null
              }
              onClick={() => void commit()}
            >
              {busy === 'commit' ? 'Committing…' : 'Commit'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void syncRun('pull')}>
              {busy === 'pull' ? 'Pulling…' : 'Pull'}
            </button>
            <button
              type="button"
              disabled={busy !== null || operation !== null}
              onClick={() => void syncRun('push')}
            >
              {busy === 'push' ? 'Pushing…' : 'Push'}
            </button>
          </div>
        </>
      ) : null}
      {ready ? (
        <label className="git-auto-publish">
          <input
            type="checkbox"
            checked={autoPublish.on}
            onChange={(event) => git.autoPublish.set(event.target.checked)}
          />
          Commit and push on save
        </label>
      ) : null}
      {ready && autoPublish.last ? <p className="git-note">Last save: {autoPublish.last}</p> : null}
      <p className="git-progress" aria-live="polite">
        {busy === 'pull' || busy === 'push' ? progress : ''}
      </p>
      {outcome ? (
        <div className="git-outcome" aria-label="Git result" role="group">
          <p
            className={
              sync && sync.outcome !== 'done' && sync.outcome !== 'up-to-date' ? 'git-error' : 'git-done'
            }
          >
            {outcome.text}
          </p>
          {sync?.outcome === 'needs-upstream' && sync.remote ? (
            <button type="button" onClick={() => void syncRun('push', sync.remote!)}>
              Push and track {sync.remote}/{sync.branch}
            </button>
          ) : null}
          {sync?.outcome === 'rejected' ? (
            <button type="button" onClick={() => void syncRun('pull')}>
              Pull first
            </button>
          ) : null}
          {outcome.output ? (
            <pre className="git-output" aria-label="Git output">
              {outcome.output}
            </pre>
          ) : null}
        </div>
      ) : null}
      {ready && openId ? <PostHistory key={openId} api={api} id={openId} /> : null}
    </section>
  );
}
