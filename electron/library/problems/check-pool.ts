import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SchemaField, SiteInfo } from '../../../shared/api';
import {
  progressSlots,
  type CheckAnswer,
  type CheckRequest,
  type FromWorker,
  type ToWorker,
} from './check-messages';

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

/** How many problems workers a pool has by default: one per core the process may use, 1 to 4. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

interface Job {
  id: number;
  posts: CheckRequest[];
  done: (answers: CheckAnswer[]) => void;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  /** The jobs sent to this worker and not answered yet, oldest (the one it is on) first. */
  jobs: Job[];
  tick: number;
  since: number;
}

/** How many jobs each worker holds at once: the next one waits in its queue, so it never idles on a round trip. */
const inFlight = 2;

/** Options of a check pool. */
export interface CheckPoolOptions {
  script: string;
  /** How many worker threads (default defaultPoolSize()). */
  size?: number;
  /** How long one post may be checked before it is given up as too slow (default 3,000 ms). */
  budgetMs?: number;
}

/**
 * A small pool of problems workers (node:worker_threads). `check` hands posts out in jobs to the
 * workers (two at a time each); a worker that stays on one post past the budget is ended (the only
 * way to stop a synchronous check), that post is answered `too-slow`, and the rest of its jobs go
 * to a new worker.
 */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private site: { site: SiteInfo; fields: readonly SchemaField[] } | null = null;
  private nextJob = 1;
  private watchdog: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly budgetMs: number;

  constructor(private readonly options: CheckPoolOptions) {
    this.budgetMs = options.budgetMs ?? 3000;
    for (let index = 0; index < (options.size ?? defaultPoolSize()); index++) this.slots.push(this.spawn());
  }

  /** How many worker threads the pool runs. */
  get size(): number {
    return this.slots.length;
  }

  /** Tells every worker which site the next checks are of, with its schema's fields (its facts are read again). */
  setSite(site: SiteInfo, fields: readonly SchemaField[]): void {
    this.site = { site, fields };
    for (const slot of this.slots) this.send(slot, { type: 'site', site, fields });
  }

  /**
   * Checks `posts` in jobs (of `chunk` posts; by default sized so each worker gets about eight,
   * 32 to 256 posts each), handing each job's answers to `onAnswers` as it comes back (one
   * CheckAnswer per post, in no particular order); resolves when every job is answered.
   */
  async check(
    posts: CheckRequest[],
    onAnswers: (answers: CheckAnswer[]) => void,
    chunk = Math.max(32, Math.min(256, Math.ceil(posts.length / (this.slots.length * 8)))),
  ): Promise<void> {
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
      for (const job of slot.jobs.splice(0)) job.done([]);
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
    const progress = new Int32Array(new SharedArrayBuffer(4 * progressSlots.length));
    const worker = new Worker(this.options.script, { workerData: { progress: progress.buffer } });
    worker.unref();
    const slot: Slot = { worker, progress, jobs: [], tick: 0, since: 0 };
    worker.on('message', (message: FromWorker) => {
      if (message.type !== 'done' || slot.jobs[0]?.id !== message.job) return;
      const job = slot.jobs.shift() as Job;
      slot.tick = Atomics.load(progress, progressSlots.tick);
      slot.since = Date.now();
      if (slot.jobs.length === 0) worker.unref();
      job.done(message.answers);
      this.pump();
    });
    worker.on('error', () => this.replace(slot));
    if (this.site) this.send(slot, { type: 'site', ...this.site });
    return slot;
  }

  private send(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      while (slot.jobs.length < inFlight && this.queue.length > 0) {
        const job = this.queue.shift() as Job;
        if (slot.jobs.length === 0) {
          slot.tick = Atomics.load(slot.progress, progressSlots.tick);
          slot.since = Date.now();
          slot.worker.ref();
        }
        slot.jobs.push(job);
        this.send(slot, { type: 'check', job: job.id, posts: job.posts });
      }
    }
    const busy = this.slots.some((slot) => slot.jobs.length > 0);
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
      if (slot.jobs.length === 0) continue;
      const tick = Atomics.load(slot.progress, progressSlots.tick);
      // -1: the worker is still reading the site's facts (no post is running yet).
      if (tick !== slot.tick || Atomics.load(slot.progress, progressSlots.post) === -1) {
        slot.tick = tick;
        slot.since = now;
      } else if (now - slot.since > this.budgetMs) {
        this.replace(slot);
      }
    }
  }

  /**
   * Ends a worker stuck on (or failed at) one post, answers that post `too-slow`, and starts another
   * worker in its place; the rest of the stuck job and the jobs queued behind it are checked again first.
   */
  private replace(slot: Slot): void {
    const jobs = slot.jobs.splice(0);
    const jobId = Atomics.load(slot.progress, progressSlots.job);
    const slow = Atomics.load(slot.progress, progressSlots.post);
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (this.closed || index === -1) {
      for (const job of jobs) job.done([]);
      return;
    }
    this.slots[index] = this.spawn();
    for (const job of jobs.reverse()) {
      const stuck = job.id === jobId ? job.posts[slow] : undefined;
      if (!stuck) {
        this.queue.unshift(job);
        continue;
      }
      const rest = job.posts.filter((post) => post !== stuck);
      const answer: CheckAnswer[] = [{ id: stuck.id, state: 'too-slow' }];
      if (rest.length > 0) this.enqueue(rest, (answers) => job.done([...answer, ...answers]), true);
      else job.done(answer);
    }
    this.pump();
  }
}
