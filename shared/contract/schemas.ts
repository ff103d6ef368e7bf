/**
 * The argument schemas the contract's methods are built from (zod). Feature tables
 * (shared/api-<feature>.ts) import their building blocks from here, not from shared/api.ts, so no
 * import cycle runs through the assembled tables.
 */
import { z } from 'zod';

/** The longest path (in UTF-16 units) a call may carry. */
export const maxPathLength = 4096;
/** The largest post text a call may carry. */
export const maxTextLength = 64 * 1024 * 1024;
/** The largest image (base64) a call may carry. */
export const maxImageBase64 = Math.ceil((50 * 1024 * 1024) / 3) * 4;

/** A site-relative path as it may cross the bridge; the library still resolves it inside the root. */
export const SitePath = z
  .string()
  .min(1, 'a path is required')
  .max(maxPathLength, 'the path is too long')
  .refine((value) => !value.includes('\0'), 'the path holds a NUL byte');

/** A revision as a save quotes it. */
export const RevisionSchema = z
  .object({
    mtimeMs: z.number().finite(),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 digest'),
  })
  .strict();

/** A post title. */
export const Title = z.string().trim().min(1, 'a title is required').max(500, 'the title is too long');
/** A file name without slashes (a new post's slug). */
export const Slug = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(200, 'the name is too long')
  .refine((value) => !/[\\/\0]/.test(value), 'a name holds no slashes or NUL bytes');

declare const resultType: unique symbol;

/** The type-only result (or event payload) of a row: a marker object carrying T in its type alone. */
export interface Returns<T> {
  readonly [resultType]: T;
}

const marker = Object.freeze({});

/** The result type of a method row (or the payload of an event row), known to the compiler only. */
export function returns<T>(): Returns<T> {
  return marker as Returns<T>;
}
