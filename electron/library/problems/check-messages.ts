import type { SiteInfo } from '../../../shared/api';

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

/** Messages from the host to a problems worker. */
export type ToWorker =
  { type: 'site'; site: SiteInfo } | { type: 'check'; job: number; posts: CheckRequest[] };

/** Messages from a problems worker to the host. */
export type FromWorker = { type: 'done'; job: number; answers: CheckAnswer[] };
