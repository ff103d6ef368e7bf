import type { SchemaField, SiteInfo } from '../../../shared/api';

/** One post a worker is asked to check, with the size and time it had when last checked (or null). */
export interface CheckRequest {
  id: string;
  known: { mtimeMs: number; size: number } | null;
}

/** What a worker answers for one post: unchanged since `known`, gone, or checked (its count and first problem). */
export type CheckAnswer =
  | { id: string; state: 'same' }
  | { id: string; state: 'gone' }
  | { id: string; state: 'checked'; mtimeMs: number; size: number; count: number; first: string | null }
  | { id: string; state: 'too-slow' };

/** Messages from the host to a problems worker (the site with its schema's fields, read by the host). */
export type ToWorker =
  | { type: 'site'; site: SiteInfo; fields: readonly SchemaField[] }
  | { type: 'check'; job: number; posts: CheckRequest[] };

/**
 * The slots of a worker's shared progress buffer (Int32): the index in its job of the post it is
 * on (-1 while it reads the site's facts), a tick per post checked, and the job it is on.
 */
export const progressSlots = { post: 0, tick: 1, job: 2, length: 3 } as const;

/** Messages from a problems worker to the host. */
export type FromWorker = { type: 'done'; job: number; answers: CheckAnswer[] };
