import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { findPostFiles } from '../../electron/library/post-index';
import { PostProblems } from '../../electron/library/post-problems';
import { detectSite } from '../../electron/library/site-detect';
import { ms, type BenchContext, type BenchSection } from './bench-section';

/** Times one full problems pass over `site`: cold (nothing cached), then warm (every post cached by mtime+size). */
export async function timeProblemsPass(
  site: string,
  workerScript?: string | null,
): Promise<{
  threaded: boolean;
  posts: number;
  withProblems: number;
  batches: number;
  coldMs: number;
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
  const started = performance.now();
  await checker.pass(ids);
  const coldMs = performance.now() - started;
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
    coldMs,
    warmMs,
    longestSliceMs,
    stallMs: Math.max(delay.max, warmDelay.max) / 1e6,
  };
}

/** The machine's load averages (1, 5 and 15 minutes), to print beside figures. */
export function loadAverage(): string {
  return `load ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`;
}

/**
 * The background problems pass of the post list's badges at 1,000 and 10,000 posts: in the worker
 * threads (targets at 10,000: cold <= 1.5 s, warm <= 100 ms, no event-loop stall over 20 ms), and
 * in the host alone as the reference (figures only).
 */
export const problemsSection: BenchSection = {
  name: 'Problems pass: every check of every post, in the background after the index',
  async run(context: BenchContext) {
    for (const posts of [1000, 10000]) {
      const site = await context.site(posts);
      const single = await timeProblemsPass(site, null);
      const figures = await timeProblemsPass(site);
      const where = figures.threaded ? '2 worker threads' : 'in the host (no worker script found)';
      context.print(
        `${figures.posts} posts, ${where}: full pass ${ms(figures.coldMs)} cold (${(figures.coldMs / figures.posts).toFixed(3)} ms/post), ` +
          `${ms(figures.warmMs)} warm (all cached by mtime+size); ${figures.withProblems} posts with problems, ` +
          `${figures.batches} event batches; longest event-loop stall ${ms(figures.stallMs)} [${loadAverage()}]`,
      );
      context.print(
        `  reference, in the host alone (8 ms slices): cold ${ms(single.coldMs)}, warm ${ms(single.warmMs)}, ` +
          `longest slice ${ms(single.longestSliceMs)}, stall ${ms(single.stallMs)}; threads/host cold ${(figures.coldMs / single.coldMs).toFixed(2)}x`,
      );
      if (posts === 10000) {
        const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
        context.print(
          `  targets at 10,000: cold <= 1500 ms ${verdict(figures.coldMs <= 1500)}, warm <= 100 ms ${verdict(figures.warmMs <= 100)}, ` +
            `stall <= 20 ms ${verdict(figures.stallMs <= 20)} [${loadAverage()}]`,
        );
      }
    }
  },
};
