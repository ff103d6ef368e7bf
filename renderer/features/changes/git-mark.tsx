import type { GitFileState } from '../../../shared/api-git';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';

const marks: Record<GitFileState, { letter: string; label: string }> = {
  new: { letter: 'N', label: 'new' },
  modified: { letter: 'M', label: 'modified' },
  deleted: { letter: 'D', label: 'deleted' },
  renamed: { letter: 'R', label: 'renamed' },
  conflicted: { letter: '!', label: 'in conflict' },
};

/** The letter a changed file carries in lists (N, M, D, R, !), with its word for screen readers. */
export function GitStateMark({ state }: { state: GitFileState }) {
  const mark = marks[state];
  return (
    <span
      className={`git-mark git-mark-${state}`}
      title={`${mark.label[0]!.toUpperCase()}${mark.label.slice(1)} since the last commit`}
    >
      {mark.letter}
      <span className="visually-hidden"> ({mark.label})</span>
    </span>
  );
}

/** How git sees post `id` against HEAD, as a mark beside its title; nothing when it is unchanged. */
export function GitMark({ id }: { id: string }) {
  const state = useStore(useAppState().git.store, (git) => git.states.get(id) ?? null);
  return state === null ? null : (
    <>
      {' '}
      <GitStateMark state={state} />
    </>
  );
}
