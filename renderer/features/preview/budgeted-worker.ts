/** What a budgeted worker answers: its result, or why there is none. */
export type WorkerAnswer<T> =
  { ok: true; value: T } | { ok: false; reason: 'too-slow' | 'superseded' | 'unavailable' };

interface Pending<Q, T> {
  request: Q;
  resolve: (answer: WorkerAnswer<T>) => void;
}

/**
 * Runs requests in a Web Worker, one at a time, latest first: a request made while one runs
 * replaces any request still waiting (which answers `superseded`), and a request that runs past
 * `budgetMs` ends the worker (the only way to stop it) and answers `too-slow`; the next request
 * starts a new worker. Answers `unavailable` where workers cannot start (the caller works in place).
 */
export class BudgetedWorker<Q, T> {
  private worker: Worker | null = null;
  private running: (Pending<Q, T> & { timer: number }) | null = null;
  private waiting: Pending<Q, T> | null = null;
  private broken = false;

  constructor(
    private readonly start: () => Worker,
    private readonly budgetMs: number,
  ) {}

  /** Runs `request` in the worker (see the class for the answers). */
  run(request: Q): Promise<WorkerAnswer<T>> {
    return new Promise((resolve) => {
      if (this.broken || typeof Worker === 'undefined') {
        resolve({ ok: false, reason: 'unavailable' });
        return;
      }
      this.waiting?.resolve({ ok: false, reason: 'superseded' });
      this.waiting = { request, resolve };
      this.next();
    });
  }

  /** Ends the worker and answers every pending request `superseded`. */
  dispose(): void {
    this.waiting?.resolve({ ok: false, reason: 'superseded' });
    this.waiting = null;
    this.finish({ ok: false, reason: 'superseded' });
    this.worker?.terminate();
    this.worker = null;
  }

  private next(): void {
    if (this.running || !this.waiting) return;
    const pending = this.waiting;
    this.waiting = null;
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch {
      this.broken = true;
      pending.resolve({ ok: false, reason: 'unavailable' });
      return;
    }
    const timer = window.setTimeout(() => {
      this.worker?.terminate();
      this.worker = null;
      this.finish({ ok: false, reason: 'too-slow' });
    }, this.budgetMs);
    this.running = { ...pending, timer };
    worker.postMessage(pending.request);
  }

  private spawn(): Worker {
    const worker = this.start();
    worker.onmessage = (event: MessageEvent<T>) => this.finish({ ok: true, value: event.data });
    worker.onerror = () => {
      // A worker that cannot load (a CSP, a missing file) or throws: work in place from now on.
      this.broken = true;
      this.worker?.terminate();
      this.worker = null;
      this.finish({ ok: false, reason: 'unavailable' });
      this.waiting?.resolve({ ok: false, reason: 'unavailable' });
      this.waiting = null;
    };
    this.worker = worker;
    return worker;
  }

  private finish(answer: WorkerAnswer<T>): void {
    const running = this.running;
    if (!running) return;
    this.running = null;
    window.clearTimeout(running.timer);
    running.resolve(answer);
    this.next();
  }
}
