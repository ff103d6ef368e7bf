import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { BodyKind } from '../../../shared/api';
import type { Problem } from '../../../shared/lint/problem';
import { checkMissingFiles } from '../../../shared/lint/site-refs';
import { BudgetedWorker } from '../preview/budgeted-worker';
import { lintBody, type LintRequest, type LintResult } from './lint-worker';
import { bodyProblemsStore } from './problems-store';

/** How long the content checks of one body may run in their worker before the list says "not checked". */
export const lintBudgetMs = 3000;
let lintWorker: BudgetedWorker<LintRequest, LintResult> | null = null;

export { siteFileChecker } from './site-file-checker';

/**
 * Applies a problem's fix to the editor if the text it was found on is still there; the other
 * listed problems move with the change (until the next lint run). Answers whether it applied.
 */
export function applyProblemFix(view: EditorView, problem: Problem, found: string): boolean {
  return applyProblemFixes(view, [{ problem, found }]) === 1;
}

/**
 * Applies the fixes of several problems as ONE editor change (one undo step, an unsaved edit like
 * typing), skipping those whose text changed since they were found or that overlap one already
 * taken; the other listed problems move with the change. Answers how many were applied.
 */
export function applyProblemFixes(
  view: EditorView,
  fixes: readonly { problem: Problem; found: string }[],
): number {
  const taken: Problem[] = [];
  const specs: { from: number; to: number; insert: string }[] = [];
  let reach = -1;
  for (const { problem, found } of [...fixes].sort((a, b) => a.problem.from - b.problem.from)) {
    if (!problem.fix || view.state.sliceDoc(problem.from, problem.to) !== found) continue;
    const changes = [...problem.fix.changes].sort((a, b) => a.from - b.from);
    if (changes.length === 0 || changes[0]!.from < reach) continue;
    taken.push(problem);
    specs.push(...changes);
    reach = Math.max(...changes.map((change) => change.to));
  }
  if (taken.length === 0) return 0;
  const changes = view.state.changes(specs);
  view.dispatch({ changes, userEvent: 'input.fix' });
  const fixed = new Set(taken);
  bodyProblemsStore.set((current) => ({
    postId: current.postId,
    problems: current.problems
      .filter(
        (other) =>
          !taken.some((problem) => other.from === problem.from && other.code === problem.code) &&
          !fixed.has(other),
      )
      .map((other) => ({
        ...other,
        from: changes.mapPos(other.from, 1),
        to: changes.mapPos(other.to, -1),
        line: view.state.doc.lineAt(Math.min(changes.mapPos(other.from, 1), view.state.doc.length)).number,
        ...(other.fix
          ? {
              fix: {
                label: other.fix.label,
                changes: other.fix.changes.map((change) => ({
                  ...change,
                  from: changes.mapPos(change.from, 1),
                  to: changes.mapPos(change.to, -1),
                })),
              },
            }
          : {}),
      })),
  }));
  return taken.length;
}

/**
 * The content checks as CodeMirror lint diagnostics (with the one-click fixes as actions), run after
 * a pause in typing; each run also fills the problems list of `postId`.
 */
export function bodyLinter(options: {
  postId: string;
  kind: BodyKind;
  staticDir: string | null;
  existingFiles: (ids: string[]) => Promise<Set<string>>;
}): Extension {
  const { postId, kind, staticDir, existingFiles } = options;
  const source = async (view: EditorView): Promise<Diagnostic[]> => {
    const body = view.state.doc.toString();
    const request = { body, kind, staticDir, postId };
    lintWorker ??= new BudgetedWorker(
      () => new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' }),
      lintBudgetMs,
    );
    const answer = await lintWorker.run(request);
    if (!answer.ok && answer.reason === 'too-slow') {
      bodyProblemsStore.set({ postId, problems: [], notChecked: true });
      return [];
    }
    if (!answer.ok && answer.reason === 'superseded') return [];
    const { problems, refs } = answer.ok ? answer.value : lintBody(request);
    if (refs.length > 0) {
      const existing = await existingFiles(refs.map((ref) => ref.id)).catch(() => null);
      if (existing) problems.push(...checkMissingFiles(refs, existing));
      problems.sort((a, b) => a.from - b.from);
    }
    bodyProblemsStore.set({
      postId,
      problems: problems.map((problem) => ({
        ...problem,
        found: body.slice(problem.from, problem.to),
        line: view.state.doc.lineAt(problem.from).number,
      })),
    });
    return problems.map((problem) => {
      const found = body.slice(problem.from, problem.to);
      return {
        from: problem.from,
        to: problem.to,
        severity: problem.severity,
        source: problem.code,
        message: problem.message,
        actions: problem.fix
          ? [
              {
                name: problem.fix.label,
                apply: (target: EditorView) => void applyProblemFix(target, problem, found),
              },
            ]
          : [],
      };
    });
  };
  return [linter(source, { delay: 400 }), lintGutter()];
}
