import { useStore } from '../../state/create-store';
import { changesOpenStore, toggleChanges } from './changes-view-store';
import { useAppState } from '../../state/app-state-context';

/** The status bar's git part: branch, commits ahead/behind its upstream, and the "Changes" button. */
export function GitStatusLine() {
  const { status } = useStore(useAppState().git.store);
  const open = useStore(changesOpenStore);
  if (status === null) return null;
  const count = status.files.length;
  return (
    <span className="git-status-line">
      {status.availability === 'ready' ? (
        <span
          className="git-branch"
          title={status.upstream ? `Tracking ${status.upstream}` : 'No upstream yet'}
        >
          {status.detached ? 'Detached HEAD' : `Branch ${status.branch ?? '?'}`}
          {status.upstream ? ` ↑${status.ahead} ↓${status.behind}` : ''}
          {status.operation ? ` · ${status.operation} in progress` : ''}
        </span>
      ) : null}
      <button
        type="button"
        className="link-button git-changes-button"
        aria-expanded={open}
        title={count === 1 ? '1 changed file' : `${count} changed files`}
        onClick={() => toggleChanges()}
      >
        Changes
      </button>
      {count > 0 ? (
        <span className="git-count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </span>
  );
}
