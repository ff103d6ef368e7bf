import type { PostSummary } from '../../../shared/api';
import { GitMark } from '../changes/git-mark';
import { firstProblemText, problemCount } from './post-query';

/** One option of the post list: unsaved mark and title, then draft mark, date and path, and a problem badge. */
export function PostRow({
  post,
  optionId,
  index,
  count,
  selected,
  picked = false,
  unsaved,
  active,
  top,
  onOpen,
}: {
  post: PostSummary;
  optionId: string;
  index: number;
  count: number;
  selected: boolean;
  /** True when the post is in the Ctrl/Shift-click multi-selection (bulk edits). */
  picked?: boolean;
  unsaved: boolean;
  active: boolean;
  top: number;
  onOpen: (index: number, click?: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) => void;
}) {
  const problems = problemCount(post);
  const firstProblem = firstProblemText(post);
  const problemLabel = problems === 1 ? '1 problem' : `${problems} problems`;
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-checked={picked || undefined}
      className={`${active ? 'post-row post-row-active' : 'post-row'}${picked ? ' post-row-picked' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => onOpen(index, event)}
    >
      <span className="post-row-main">
        <span className="post-title">
          {unsaved ? (
            <span className="post-unsaved" title="Unsaved changes">
              ●<span className="visually-hidden"> (unsaved)</span>{' '}
            </span>
          ) : null}
          {post.title || post.id}
          <GitMark id={post.id} />
        </span>
        <span className="post-meta">
          {post.draft ? <span className="post-draft">Draft</span> : null}
          {post.lastmod ?? post.date ?? ''} {post.id}
        </span>
      </span>
      {problems > 0 ? (
        <span
          className="post-problem"
          role="img"
          aria-label={firstProblem ? `${problemLabel}: ${firstProblem}` : problemLabel}
          title={firstProblem ?? undefined}
        >
          {problemLabel}
        </span>
      ) : post.notChecked ? (
        <span
          className="post-problem post-not-checked"
          role="img"
          aria-label="Not checked: too slow"
          title={post.firstProblem ?? 'Not checked: the checks took too long on this post.'}
        >
          Not checked
        </span>
      ) : null}
    </div>
  );
}
