import type { Problem } from '../../../shared/lint/problem';
import { createStore } from '../../state/create-store';

/** A body problem as the linter last found it, with the text it was found on (to check fixes against). */
export interface BodyProblem extends Problem {
  /** The body text of [from, to) when the problem was found. */
  found: string;
  /** The 1-based body line where the problem starts. */
  line: number;
}

/** The body problems of the open post, from the editor's last lint run. */
export const bodyProblemsStore = createStore<{
  postId: string | null;
  problems: BodyProblem[];
  /** True when the last run of the checks took past their budget: the body was not checked. */
  notChecked?: boolean;
}>({
  postId: null,
  problems: [],
});
