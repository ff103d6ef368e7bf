/** Validating dispatch of one call against a method table, answering an Outcome (never throwing). */
import type { z } from 'zod';
import { PostdeskError, type ErrorCode } from './errors';

/** The envelope every host answers with, so errors keep their code across any transport. */
export type Outcome<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** A method table as dispatch sees it: an argument schema per name. */
export type MethodTable = Record<string, { args: z.ZodType }>;

/** The failed Outcome with `code` and `message`. */
export function failure(code: ErrorCode, message: string): Outcome<never> {
  return { ok: false, error: { code, message } };
}

/** True when `name` is an own key of `table` (so `__proto__` and the like are not). */
export function isNameIn<T extends object>(table: T, name: unknown): name is keyof T & string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name);
}

/**
 * Validates `rawArgs` against method `name`'s schema in `table` and runs its handler; never throws:
 * every failure comes back as an Outcome with a code and a message for the user.
 */
export async function dispatchWith(
  table: MethodTable,
  handlers: Record<string, (args: never) => Promise<unknown>>,
  name: unknown,
  rawArgs: unknown,
): Promise<Outcome> {
  if (!isNameIn(table, name)) {
    return failure('unknown-method', `There is no method named ${String(name).slice(0, 80)}.`);
  }
  const parsed = table[name]!.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return failure('invalid-argument', `Invalid argument to ${name}${where}: ${issue?.message}`);
  }
  const handler = handlers[name] as ((args: unknown) => Promise<unknown>) | undefined;
  if (!handler) return failure('unsupported', `${name} is not available here.`);
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof PostdeskError) return failure(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return failure('internal', `Unexpected error in ${name}: ${message}`);
  }
}
