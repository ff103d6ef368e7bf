/** The renderer's side of the contract: Outcomes turned back into values or PostdeskErrors. */
import { errorCodes, PostdeskError } from './errors';
import { failure, type Outcome } from './dispatch';

/** Turns an Outcome back into a value, or throws the PostdeskError it carries. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome && outcome.ok === true) return outcome.value;
  if (outcome && outcome.ok === false) {
    const code = errorCodes.includes(outcome.error.code) ? outcome.error.code : 'internal';
    throw new PostdeskError(code, outcome.error.message);
  }
  throw new PostdeskError('transport', 'The host answered with something that is not an outcome.');
}

/**
 * Builds an API object from the names of a table and a function that carries one call to a host
 * and answers its Outcome: each method unwrapped; a call that throws (a network failure) becomes a
 * `transport` PostdeskError, so every failure has a code.
 */
export function apiFromCalls<Api>(
  names: readonly string[],
  call: (name: string, args: unknown) => Promise<Outcome>,
  extra: object,
): Api {
  const api: Record<string, unknown> = { ...extra };
  for (const name of names) {
    api[name] = async (args: unknown) => {
      let outcome: Outcome;
      try {
        outcome = await call(name, args);
      } catch (error) {
        if (error instanceof PostdeskError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new PostdeskError('transport', `Postdesk could not reach its host: ${message}`, {
          cause: error,
        });
      }
      return unwrap(outcome);
    };
  }
  return api as Api;
}

/** The Outcome of an HTTP failure: refusals of the host are `forbidden`, anything else `transport`. */
export function httpFailure(status: number, text: string): Outcome {
  const detail = text.trim().slice(0, 200);
  if (status === 401 || status === 403 || status === 421) {
    return failure('forbidden', detail || `The Postdesk host refused the call (${status}).`);
  }
  if (status === 413) return failure('invalid-argument', detail || 'The request is too large.');
  return failure('transport', `The Postdesk host answered ${status}${detail ? `: ${detail}` : '.'}`);
}
