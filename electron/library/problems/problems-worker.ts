// The problems worker (node:worker_threads): checks the posts the host sends, against the facts of
// the site it was last told about. Its progress (which post of the job it is on, and a tick per post)
// is in the shared buffer it was started with, so the host can tell a post that runs past its budget.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteInfo } from '../../../shared/api';
import { checkPostProblems, readPostText, readSiteFacts, type SiteFacts } from '../post-problems';
import type { CheckAnswer, CheckRequest, FromWorker, ToWorker } from './check-messages';

const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
let site: SiteInfo | null = null;
let facts: Promise<SiteFacts> | null = null;

/** Checks one post, or answers that it is unchanged or gone. */
function checkOne(root: string, request: CheckRequest, siteFacts: SiteFacts): CheckAnswer {
  const file = path.join(root, ...request.id.split('/'));
  const read = readPostText(
    file,
    (stat) =>
      request.known !== null && request.known.mtimeMs === stat.mtimeMs && request.known.size === stat.size,
  );
  if (read === null) return { id: request.id, state: 'gone' };
  if (read.text === null && read.problem === null) return { id: request.id, state: 'same' };
  const result =
    read.text === null
      ? { count: 1, first: read.problem }
      : checkPostProblems(request.id, read.text, siteFacts);
  return { id: request.id, state: 'checked', ...read.stat, count: result.count, first: result.first };
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'site') {
    site = message.site;
    facts = readSiteFacts(message.site);
    return;
  }
  void (async () => {
    Atomics.store(progress, 0, -1);
    const siteFacts = await (facts ?? Promise.reject(new Error('no site')));
    const root = (site as SiteInfo).root;
    const answers: CheckAnswer[] = [];
    for (const [index, request] of message.posts.entries()) {
      Atomics.store(progress, 0, index);
      try {
        answers.push(checkOne(root, request, siteFacts));
      } catch (error) {
        const stat = (() => {
          try {
            const info = statSync(path.join(root, ...request.id.split('/')));
            return { mtimeMs: info.mtimeMs, size: info.size };
          } catch {
            // Missing: a stamp that never matches, so the post is checked again.
            return { mtimeMs: 0, size: -1 };
          }
        })();
        answers.push({
          id: request.id,
          state: 'checked',
          ...stat,
          count: 1,
          first: `The checks failed: ${String(error)}`,
        });
      }
      Atomics.add(progress, 1, 1);
    }
    parentPort?.postMessage({ type: 'done', job: message.job, answers } satisfies FromWorker);
  })();
});
