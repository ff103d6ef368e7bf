import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { findPostFiles } from '../../electron/library/post-index';
import { PostProblems } from '../../electron/library/post-problems';
import { defaultPoolSize } from '../../electron/library/problems/check-pool';
import { detectSite } from '../../electron/library/site-detect';
import { startControl, writeProbe } from './loop-probe';
import { loadAverage, ms, type BenchContext, type BenchSection } from './bench-section';

export { loadAverage } from './bench-section';

/** Times one full problems pass over `site`: cold (nothing cached), then warm (every post cached by mtime+size). */
export async function timeProblemsPass(
  site: string,
  workerScript?: string | null,
): Promise<{
  threaded: boolean;
  posts: number;
  withProblems: number;
  batches: number;
  workers: number;
  coldMs: number;
  /** CPU time of the whole process (every thread) during the cold pass. */
  coldCpuMs: number;
  warmMs: number;
  longestSliceMs: number;
  stallMs: number;
}> {
  const info = await detectSite(site);
  const ids = await findPostFiles(info);
  let batches = 0;
  const counts = new Map<string, number>();
  const checker = new PostProblems(
    info,
    (batch) => {
      batches += 1;
      for (const entry of batch) counts.set(entry.id, entry.count);
    },
    workerScript === undefined ? {} : { workerScript },
  );
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await checker.pass(ids);
  const coldMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  delay.disable();
  const longestSliceMs = checker.longestSliceMs;
  const warmDelay = monitorEventLoopDelay({ resolution: 1 });
  warmDelay.enable();
  const warmStarted = performance.now();
  await checker.pass(ids);
  const warmMs = performance.now() - warmStarted;
  warmDelay.disable();
  checker.stop();
  return {
    threaded: checker.threaded,
    posts: ids.length,
    withProblems: [...counts.values()].filter((count) => count > 0).length,
    batches,
    workers: checker.threaded ? defaultPoolSize() : 0,
    coldMs,
    coldCpuMs: (used.user + used.system) / 1000,
    warmMs,
    longestSliceMs,
    stallMs: Math.max(delay.max, warmDelay.max) / 1e6,
  };
}

/**
 * The background problems pass of the post list's badges at 1,000 and 10,000 posts: in the worker
 * threads (targets at 10,000: cold <= 1.5 s, warm <= 100 ms, no event-loop stall over 20 ms), and
 * in the host alone as the reference (figures only). CPU time (all threads) is printed beside the
 * wall time: on a shared machine the wall time is what the other processes left.
 */
export const problemsSection: BenchSection = {
  name: 'Problems pass: every check of every post, in the background after the index',
  async run(context: BenchContext) {
    for (const posts of [1000, 10000]) {
      const site = await context.site(posts);
      const single = await timeProblemsPass(site, null);
      const control = await startControl(await writeProbe(context.workDir));
      const figures = await timeProblemsPass(site);
      const idle = await control.read();
      await control.stop();
      const where = figures.threaded
        ? `${figures.workers} worker threads`
        : 'in the host (no worker script found)';
      const at = posts === 10000;
      const cold = context.record(`problems ${posts} cold`, figures.coldMs, 'ms', at ? 1500 : undefined);
      const warm = context.record(`problems ${posts} warm`, figures.warmMs, 'ms', at ? 100 : undefined);
      const stall = context.record(`problems ${posts} stall`, figures.stallMs, 'ms', at ? 20 : undefined);
      context.record(`problems ${posts} idle process stall`, idle.maxMs, 'ms');
      context.record(`problems ${posts} cold cpu`, figures.coldCpuMs, 'ms');
      context.record(`problems ${posts} in host cold`, single.coldMs, 'ms');
      context.record(`problems ${posts} in host warm`, single.warmMs, 'ms');
      context.print(
        `${figures.posts} posts, ${where}: full pass ${ms(figures.coldMs)} cold (${(figures.coldMs / figures.posts).toFixed(3)} ms/post; ` +
          `CPU ${ms(figures.coldCpuMs)} in all threads), ${ms(figures.warmMs)} warm (all cached by mtime+size); ` +
          `${figures.withProblems} posts with problems, ${figures.batches} event batches; longest event-loop stall ${ms(figures.stallMs)} [${loadAverage()}]`,
      );
      context.print(
        `  reference, in the host alone (8 ms slices): cold ${ms(single.coldMs)} (CPU ${ms(single.coldCpuMs)}), warm ${ms(single.warmMs)}, ` +
          `longest slice ${ms(single.longestSliceMs)}, stall ${ms(single.stallMs)}; threads/host cold ${(figures.coldMs / single.coldMs).toFixed(2)}x`,
      );
      if (at) {
        context.print(
          `  targets at 10,000: cold <= 1500 ms ${cold}, warm <= 100 ms ${warm}, stall <= 20 ms ${stall}; an idle node process stalled ${ms(idle.maxMs)} meanwhile (the scheduler alone) [${loadAverage()}]`,
        );
      }
    }
  },
};
