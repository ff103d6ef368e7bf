import { EditorSelection } from '@codemirror/state';
import { useMemo } from 'react';
import { checkFrontMatter } from '../../../shared/lint/front-matter-checks';
import { splitFrontMatter, lineOfOffset } from '../../../shared/post/split-front-matter';
import { useStore } from '../../state/create-store';
import { currentEditor } from '../editor/editor-session';
import { applyProblemFix } from './body-linter';
import { lintBudgetMs } from './body-linter';
import { bodyProblemsStore } from './problems-store';

let lastFrontMatter: { head: string; problems: ReturnType<typeof checkFrontMatter> } | null = null;

function frontMatterProblems(text: string): ReturnType<typeof checkFrontMatter> {
  const head = text.slice(0, splitFrontMatter(text).bodyStart);
  if (lastFrontMatter?.head !== head) lastFrontMatter = { head, problems: checkFrontMatter(head) };
  return lastFrontMatter.problems;
}

/**
 * The problems of the open post: front matter problems (title, dates) and the body's content checks
 * as the editor's linter last found them; a body problem selects its text, and a fix applies it.
 */
export function ProblemsList({ postId, text }: { postId: string; text: string }) {
  const body = useStore(bodyProblemsStore);
  const head = frontMatterProblems(text);
  const bodyProblems = useMemo(() => (body.postId === postId ? body.problems : []), [body, postId]);
  const total = head.length + bodyProblems.length;
  const bodyLine = lineOfOffset(text, splitFrontMatter(text).bodyStart) - 1;

  return (
    <section className="problems" aria-label="Problems">
      <h3 className="problems-title">
        {total === 0 ? 'No problems' : `${total} problem${total === 1 ? '' : 's'}`}
      </h3>
      {body.postId === postId && body.notChecked ? (
        <p className="problem problem-info" role="status">
          Not checked: too slow (the content checks took over {lintBudgetMs / 1000} s on this body).
        </p>
      ) : null}
      {total > 0 ? (
        <ul className="problems-list">
          {head.map((problem, index) => (
            <li key={`fm-${index}`} className={`problem problem-${problem.severity}`}>
              <span className="problem-where">line {lineOfOffset(text, problem.from)}</span> {problem.message}
            </li>
          ))}
          {bodyProblems.map((problem, index) => (
            <li key={`body-${index}`} className={`problem problem-${problem.severity}`}>
              <button
                type="button"
                className="problem-where"
                onClick={() => {
                  const view = currentEditor();
                  if (!view) return;
                  view.dispatch({
                    selection: EditorSelection.single(
                      problem.from,
                      Math.min(problem.to, view.state.doc.length),
                    ),
                    scrollIntoView: true,
                  });
                  view.focus();
                }}
              >
                line {bodyLine + problem.line}
              </button>{' '}
              {problem.message}
              {problem.fix ? (
                <button
                  type="button"
                  className="problem-fix"
                  onClick={() => {
                    const view = currentEditor();
                    if (view) applyProblemFix(view, problem, problem.found);
                  }}
                >
                  {problem.fix.label}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
