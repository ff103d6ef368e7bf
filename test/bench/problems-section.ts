import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { findPostFiles } from '../../electron/library/post-index';
import { PostProblems } from '../../electron/library/post-problems';
import { detectSite } from '../../electron/library/site-detect';
import { ms, type BenchContext, type BenchSection } from './bench-section';

/** Times one full problems pass over `site`: cold (nothing cached), then warm (every post cached by mtime+size). */
export async function timeProblemsPass(site: string): Promise<{
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
  const checker = new PostProblems(info, (batch) => {
    batches += 1;
    for (const entry of batch) counts.set(entry.id, entry.count);
  });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  await checker.pass(ids);
  const coldMs = performance.now() - started;
  delay.disable();
  const longestSliceMs = checker.longestSliceMs;
  const warmStarted = performance.now();
  await checker.pass(ids);
  const warmMs = performance.now() - warmStarted;
  checker.stop();
  return {
    posts: ids.length,
    withProblems: [...counts.values()].filter((count) => count > 0).length,
    batches,
    coldMs,
    warmMs,
    longestSliceMs,
    stallMs: delay.max / 1e6,
  };
}

/** The background problems pass of the post list's badges at 1,000 and 10,000 posts (figures only). */
export const problemsSection: BenchSection = {
  name: 'Problems pass: every check of every post, in the background after the index',
  async run(context: BenchContext) {
    for (const posts of [1000, 10000]) {
      const site = await context.site(posts);
      const figures = await timeProblemsPass(site);
      context.print(
        `${figures.posts} posts: full pass ${ms(figures.coldMs)} cold (${(figures.coldMs / figures.posts).toFixed(3)} ms/post), ` +
          `${ms(figures.warmMs)} warm (all cached by mtime+size); ${figures.withProblems} posts with problems, ` +
          `${figures.batches} event batches; longest slice ${ms(figures.longestSliceMs)}, ` +
          `longest event-loop stall ${ms(figures.stallMs)}`,
      );
    }
  },
};
