import { EditorSelection } from '@codemirror/state';
import { useMemo, useState } from 'react';
import { checkFrontMatter } from '../../../shared/lint/front-matter-checks';
import type { Problem } from '../../../shared/lint/problem';
import { splitFrontMatter, lineOfOffset } from '../../../shared/post/split-front-matter';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { currentEditor } from '../editor/editor-session';
import { applyProblemFix, applyProblemFixes, lintBudgetMs } from './body-linter';
import { bodyProblemsStore } from './problems-store';
import './problems-list.css';

let lastFrontMatter: { head: string; problems: Problem[] } | null = null;

function frontMatterProblems(text: string, bodyStart: number): Problem[] {
  const head = text.slice(0, bodyStart);
  if (lastFrontMatter?.head !== head) lastFrontMatter = { head, problems: checkFrontMatter(head) };
  return lastFrontMatter.problems;
}

/** The front matter block (between its fences) with the fixes of `problems` applied (offsets into `text`). */
function fixedFrontMatter(text: string, problems: readonly Problem[]): { before: string; after: string } {
  const split = splitFrontMatter(text);
  const before = text.slice(split.rawStart, split.rawEnd);
  let after = before;
  let reach = Infinity;
  const changes = problems.flatMap((problem) => problem.fix?.changes ?? []).sort((a, b) => b.from - a.from);
  for (const change of changes) {
    if (change.to > reach || change.from < split.rawStart || change.to > split.rawEnd) continue;
    const from = change.from - split.rawStart;
    after = after.slice(0, from) + change.insert + after.slice(change.to - split.rawStart);
    reach = change.from;
  }
  return { before, after };
}

/**
 * The problems of the open post: front matter problems (title, dates, garbled text) with the line of
 * the front matter block they are on, and the body's content checks as the editor's linter last
 * found them with the body's line (the numbers of the editor's gutter); a body problem selects its
 * text, a fix applies it as an unsaved edit, and "Fix all" applies every fix at once (one undo step
 * in the editor; an Undo button for the front matter).
 */
export function ProblemsList({ postId, text }: { postId: string; text: string }) {
  const { setFrontMatterRaw } = useAppState().documents;
  const body = useStore(bodyProblemsStore);
  const split = useMemo(() => splitFrontMatter(text), [text]);
  const head = frontMatterProblems(text, split.bodyStart);
  const bodyProblems = useMemo(() => (body.postId === postId ? body.problems : []), [body, postId]);
  const [undo, setUndo] = useState<{ postId: string; before: string; after: string } | null>(null);
  const total = head.length + bodyProblems.length;
  const { rawStart } = split;
  const rawLine = (offset: number): number => lineOfOffset(text.slice(rawStart), offset - rawStart);
  const fixable =
    head.filter((problem) => problem.fix).length + bodyProblems.filter((problem) => problem.fix).length;
  const fixHead = (problems: Problem[]): void => {
    const { before, after } = fixedFrontMatter(text, problems);
    if (after === before) return;
    setFrontMatterRaw(after);
    setUndo({ postId, before, after });
  };
  const currentRaw = text.slice(rawStart, split.rawEnd);
  const canUndo = undo !== null && undo.postId === postId && undo.after === currentRaw;

  return (
    <section className="problems" aria-label="Problems">
      <h3 className="problems-title">
        {total === 0 ? 'No problems' : `${total} problem${total === 1 ? '' : 's'}`}
      </h3>
      {fixable > 1 ? (
        <button
          type="button"
          className="problems-fix-all"
          onClick={() => {
            fixHead(head.filter((problem) => problem.fix));
            const view = currentEditor();
            if (view) {
              applyProblemFixes(
                view,
                bodyProblems
                  .filter((problem) => problem.fix)
                  .map((problem) => ({ problem, found: problem.found })),
              );
            }
          }}
        >
          Fix all ({fixable})
        </button>
      ) : null}
      {canUndo ? (
        <button
          type="button"
          className="problems-undo"
          onClick={() => {
            setFrontMatterRaw(undo.before);
            setUndo(null);
          }}
        >
          Undo the front matter fix
        </button>
      ) : null}
      {body.postId === postId && body.notChecked ? (
        <p className="problem problem-info" role="status">
          Not checked: too slow (the content checks took over {lintBudgetMs / 1000} s on this body).
        </p>
      ) : null}
      {total > 0 ? (
        <ul className="problems-list">
          {head.map((problem, index) => (
            <li key={`fm-${index}`} className={`problem problem-${problem.severity}`}>
              <span className="problem-where" title="The line in the front matter (the form's source view)">
                front matter line {rawLine(problem.from)}
              </span>{' '}
              {problem.message}
              {problem.fix ? (
                <button type="button" className="problem-fix" onClick={() => fixHead([problem])}>
                  {problem.fix.label}
                </button>
              ) : null}
            </li>
          ))}
          {bodyProblems.map((problem, index) => (
            <li key={`body-${index}`} className={`problem problem-${problem.severity}`}>
              <button
                type="button"
                className="problem-where"
                title="The line of the body, as the editor numbers it"
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
                line {problem.line}
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
