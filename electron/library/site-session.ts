import type { FSWatcher } from 'chokidar';
import type { PostProblemCount, SiteInfo } from '../../shared/api';
import type { DiagnosticsLog } from './diagnostics/diagnostics-log';
import { PostIndex } from './post-index';
import { PostProblems, type PostProblemsOptions } from './post-problems';
import { PostStore } from './post-store';

/**
 * One open site: its index, its store, its watcher and its background problem checks, with a
 * `ready()` that says when the background work of opening it is done (the first index built, the
 * watcher watching and caught up), and `report()` for every failure nobody awaits.
 */
export class SiteSession {
  readonly index: PostIndex;
  readonly store: PostStore;
  /** The background checks of the posts (the list's problem badges). */
  readonly problems: PostProblems;
  watcher: FSWatcher | null = null;
  /** True once the first full problems pass was started. */
  checking = false;
  private closed = false;
  private markReady: () => void = () => undefined;
  private readonly readiness: Promise<void>;

  constructor(
    readonly info: SiteInfo,
    private readonly diagnostics: DiagnosticsLog,
    onProblems: (problems: PostProblemCount[]) => void,
    problemsOptions?: PostProblemsOptions,
  ) {
    this.index = new PostIndex(info);
    this.store = new PostStore(info.root);
    this.problems = new PostProblems(info, onProblems, problemsOptions);
    this.readiness = new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }

  /**
   * Resolves once the session's background start is done: the first index built and, when the
   * site is watched, the watcher ready and its catch-up scan finished (at once when nothing runs
   * in the background, and when the session is closed first). Tests wait on this, never on time.
   */
  ready(): Promise<void> {
    return this.readiness;
  }

  /** Says the background start is done (called by the library once the watcher caught up). */
  started(): void {
    this.markReady();
  }

  /** True once the session was closed (a newer site was opened, or the library closed). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Records a background failure of `operation` (about `postId`) in the diagnostics log and event. */
  report(operation: string, postId: string | null, error: unknown): void {
    if (!this.closed) this.diagnostics.record(operation, postId, error);
  }

  /** Stops the checks and the watcher; `ready()` resolves if it had not. */
  async close(): Promise<void> {
    this.closed = true;
    this.markReady();
    this.problems.stop();
    await closeWatcher(this.watcher);
  }
}

/** Closes a watcher; an error it emits after closing (a late ELOOP) is ignored, never thrown. */
export async function closeWatcher(watcher: FSWatcher | null | undefined): Promise<void> {
  if (!watcher) return;
  const closing = watcher.close();
  // close() removes every listener: an error emitted after it would be thrown by the emitter.
  watcher.on('error', () => undefined);
  // A watcher failing while it closes is closed anyway: nothing is left to stop.
  await closing.catch(() => undefined);
}
