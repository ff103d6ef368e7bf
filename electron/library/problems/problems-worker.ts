// The problems worker (node:worker_threads): checks the posts the host sends, job after job in the
// order they came, against the facts of the site it was last told about. Its progress (the job and
// the post of it that it is on, and a tick per post) is in the shared buffer it was started with,
// so the host can tell a post that runs past its budget.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteInfo } from '../../../shared/api';
import {
  progressSlots,
  type CheckAnswer,
  type CheckRequest,
  type FromWorker,
  type ToWorker,
} from './check-messages';
import { checkPostProblems, listSiteFacts, readPostText, type SiteFacts } from './post-checks';

const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
let site: SiteInfo | null = null;
let facts: Promise<SiteFacts> | null = null;
const jobs: Array<{ job: number; posts: CheckRequest[] }> = [];
let running = false;

/** Checks one post, or answers that it is unchanged or gone. */
function checkOne(root: string, request: CheckRequest, siteFacts: SiteFacts): CheckAnswer {
  const file = path.join(root, ...request.id.split('/'));
  const read = readPostText(
    file,
    (stat) =>
      request.known !== null && request.known.mtimeMs === stat.mtimeMs && request.known.size === stat.size,
    request.known !== null,
  );
  if (read === null) return { id: request.id, state: 'gone' };
  if (read.text === null && read.problem === null) return { id: request.id, state: 'same' };
  const result =
    read.text === null
      ? { count: 1, first: read.problem }
      : checkPostProblems(request.id, read.text, siteFacts);
  return { id: request.id, state: 'checked', ...read.stat, count: result.count, first: result.first };
}

/** What a post whose checks threw is answered: one problem saying so. */
function failed(root: string, request: CheckRequest, error: unknown): CheckAnswer {
  let stat = { mtimeMs: 0, size: -1 };
  try {
    const info = statSync(path.join(root, ...request.id.split('/')));
    stat = { mtimeMs: info.mtimeMs, size: info.size };
  } catch {
    // Gone meanwhile: the next pass forgets it.
  }
  return {
    id: request.id,
    state: 'checked',
    ...stat,
    count: 1,
    first: `The checks failed: ${String(error)}`,
  };
}

/** Works through the queued jobs one after another, answering each when it is done. */
async function drain(): Promise<void> {
  running = true;
  try {
    for (let next = jobs.shift(); next; next = jobs.shift()) {
      Atomics.store(progress, progressSlots.job, next.job);
      Atomics.store(progress, progressSlots.post, -1);
      const siteFacts = await (facts ?? Promise.reject(new Error('no site')));
      const root = (site as SiteInfo).root;
      const answers: CheckAnswer[] = [];
      for (const [index, request] of next.posts.entries()) {
        Atomics.store(progress, progressSlots.post, index);
        try {
          answers.push(checkOne(root, request, siteFacts));
        } catch (error) {
          answers.push(failed(root, request, error));
        }
        Atomics.add(progress, progressSlots.tick, 1);
      }
      parentPort?.postMessage({ type: 'done', job: next.job, answers } satisfies FromWorker);
    }
  } finally {
    running = false;
  }
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'site') {
    site = message.site;
    facts = listSiteFacts(message.site, message.fields);
    return;
  }
  jobs.push({ job: message.job, posts: message.posts });
  if (!running) void drain();
});
