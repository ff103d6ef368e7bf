import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SiteInfo } from '../../../shared/api';
import type { CheckAnswer, CheckRequest, FromWorker, ToWorker } from './check-messages';

/**
 * Where the bundled problems worker is: `POSTDESK_PROBLEMS_WORKER` when set (the unit tests build
 * one), else out/workers/problems-worker.cjs beside the bundle that runs; null when there is none.
 */
export function problemsWorkerScript(): string | null {
  const fromEnv = process.env.POSTDESK_PROBLEMS_WORKER;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const bundled = path.join(__dirname, '..', 'workers', 'problems-worker.cjs');
  return existsSync(bundled) ? bundled : null;
}

interface Job {
  id: number;
  posts: CheckRequest[];
  done: (answers: CheckAnswer[]) => void;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  job: Job | null;
  tick: number;
  since: number;
}

/** Options of a check pool. */
export interface CheckPoolOptions {
  script: string;
  /** How many worker threads (default 2). */
  size?: number;
  /** How long one post may be checked before it is given up as too slow (default 3,000 ms). */
  budgetMs?: number;
}

/**
 * A small pool of problems workers (node:worker_threads). `check` hands posts out in jobs to idle
 * workers; a worker that stays on one post past the budget is ended (the only way to stop a
 * synchronous check), that post is answered `too-slow`, and the rest of its job goes to a new worker.
 */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private site: SiteInfo | null = null;
  private nextJob = 1;
  private watchdog: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly budgetMs: number;

  constructor(private readonly options: CheckPoolOptions) {
    this.budgetMs = options.budgetMs ?? 3000;
    for (let index = 0; index < (options.size ?? 2); index++) this.slots.push(this.spawn());
  }

  /** Tells every worker which site the next checks are of (its facts are read again). */
  setSite(site: SiteInfo): void {
    this.site = site;
    for (const slot of this.slots) this.send(slot, { type: 'site', site });
  }

  /**
   * Checks `posts` in jobs of `chunk`, handing each job's answers to `onAnswers` as it comes back
   * (one CheckAnswer per post, in no particular order); resolves when every job is answered.
   */
  async check(posts: CheckRequest[], onAnswers: (answers: CheckAnswer[]) => void, chunk = 32): Promise<void> {
    if (this.closed || posts.length === 0) return;
    const parts: Promise<void>[] = [];
    for (let start = 0; start < posts.length; start += chunk) {
      parts.push(
        new Promise((done) =>
          this.enqueue(posts.slice(start, start + chunk), (answers) => {
            if (!this.closed) onAnswers(answers);
            done();
          }),
        ),
      );
    }
    this.pump();
    await Promise.all(parts);
  }

  /** Ends every worker; pending checks answer nothing more. */
  close(): void {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const slot of this.slots) {
      slot.job?.done([]);
      void slot.worker.terminate();
    }
    for (const job of this.queue.splice(0)) job.done([]);
  }

  private enqueue(posts: CheckRequest[], done: (answers: CheckAnswer[]) => void, front = false): void {
    const job = { id: this.nextJob++, posts, done };
    if (front) this.queue.unshift(job);
    else this.queue.push(job);
  }

  private spawn(): Slot {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(this.options.script, { workerData: { progress: progress.buffer } });
    worker.unref();
    const slot: Slot = { worker, progress, job: null, tick: 0, since: 0 };
    worker.on('message', (message: FromWorker) => {
      if (message.type !== 'done' || slot.job?.id !== message.job) return;
      const job = slot.job;
      slot.job = null;
      worker.unref();
      job.done(message.answers);
      this.pump();
    });
    worker.on('error', () => this.replace(slot, Atomics.load(progress, 0)));
    if (this.site) this.send(slot, { type: 'site', site: this.site });
    return slot;
  }

  private send(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.tick = Atomics.load(slot.progress, 1);
      slot.since = Date.now();
      Atomics.store(slot.progress, 0, -1);
      slot.worker.ref();
      this.send(slot, { type: 'check', job: job.id, posts: job.posts });
    }
    const busy = this.slots.some((slot) => slot.job);
    if (busy && !this.watchdog) {
      this.watchdog = setInterval(() => this.watch(), Math.max(10, Math.min(250, this.budgetMs / 4)));
    } else if (!busy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  private watch(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      if (!slot.job) continue;
      const tick = Atomics.load(slot.progress, 1);
      // -1: the worker is still reading the site's facts (no post is running yet).
      if (tick !== slot.tick || Atomics.load(slot.progress, 0) === -1) {
        slot.tick = tick;
        slot.since = now;
      } else if (now - slot.since > this.budgetMs) {
        this.replace(slot, Atomics.load(slot.progress, 0));
      }
    }
  }

  /** Ends a worker stuck on (or failed at) post `slow` of its job, and starts another in its place. */
  private replace(slot: Slot, slow: number): void {
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (this.closed || index === -1) return;
    this.slots[index] = this.spawn();
    if (job) {
      const stuck = job.posts[slow];
      const rest = job.posts.filter((post) => post !== stuck);
      const answer: CheckAnswer[] = stuck ? [{ id: stuck.id, state: 'too-slow' }] : [];
      if (rest.length > 0 && stuck) {
        this.enqueue(rest, (answers) => job.done([...answer, ...answers]), true);
      } else job.done(answer);
    }
    this.pump();
  }
}
