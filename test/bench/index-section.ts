import { spawn, spawnSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createLibrary } from '../../electron/library/library-service';
import { median, ms, type BenchContext, type BenchSection } from './bench-section';

/** Opens `site` in a fresh library and answers how long until its whole index was listed. */
export async function timeIndexInProcess(
  site: string,
  watch: boolean,
): Promise<{ ms: number; posts: number }> {
  const started = performance.now();
  const library = createLibrary({ watch });
  await library.handlers.openSite({ path: site });
  const posts = await library.handlers.listPosts({});
  const elapsed = performance.now() - started;
  await library.close();
  return { ms: elapsed, posts: posts.length };
}

function timeProcess(command: string, args: string[], cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}

async function runs(count: number, once: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < count; run++) times.push(await once());
  return median(times);
}

const targetRatio = 0.35;
const target1k = 100;
const targetMemoryMb = 100;

/** The index targets: open-until-index-ready at 1,000 and 10,000 posts, against `hugo list all`, and memory. */
export const indexSection: BenchSection = {
  name: 'Post index: open a site until its whole index is ready',
  async run(context: BenchContext) {
    for (const [posts, repeat] of [
      [1000, 7],
      [10000, 5],
    ] as const) {
      const site = await context.site(posts);
      await timeIndexInProcess(site, false);
      const inProcess = await runs(repeat, async () => (await timeIndexInProcess(site, false)).ms);
      const withWatcher = await runs(
        Math.min(repeat, 3),
        async () => (await timeIndexInProcess(site, true)).ms,
      );
      const wholeProcess = await runs(repeat, () =>
        timeProcess(process.execPath, [context.benchScript, '--index-once', site]),
      );
      context.print(
        `${posts} posts: in-process ${ms(inProcess)} (median of ${repeat}), watch on (the watcher starts once the index is ready) ${ms(withWatcher)}`,
      );
      context.print(`${posts} posts: whole process (node start + open + index + exit) ${ms(wholeProcess)}`);
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      await timeIndexInProcess(site, false);
      delay.disable();
      context.print(
        `${posts} posts: longest event-loop stall while indexing ${ms(delay.max / 1e6)} ` +
          `(p99 ${ms(delay.percentile(99) / 1e6)})`,
      );
      if (posts === 1000) {
        context.print(
          `  target 1,000 posts <= ${target1k} ms in-process: ${inProcess <= target1k ? 'met' : 'NOT met'}`,
        );
      }
      if (context.hugo) {
        const hugo = await runs(3, () =>
          timeProcess(context.hugo ?? 'hugo', ['list', 'all', '--quiet'], site),
        );
        const ratio = inProcess / hugo;
        context.print(
          `${posts} posts: hugo list all ${ms(hugo)} (median of 3); ratio in-process/hugo ${ratio.toFixed(2)}x, ` +
            `whole-process/hugo ${(wholeProcess / hugo).toFixed(2)}x` +
            (posts === 10000
              ? ` (target <= ${targetRatio}x: ${ratio <= targetRatio ? 'met' : 'NOT met'})`
              : ''),
        );
      } else {
        context.print(`${posts} posts: hugo is not installed, so no ratio against hugo list all`);
      }
    }
    const site = await context.site(10000);
    const memory = spawnSync(process.execPath, ['--expose-gc', context.benchScript, '--index-memory', site], {
      encoding: 'utf8',
    });
    const figures = JSON.parse(memory.stdout.trim().split('\n').pop() ?? '{}') as {
      heapDeltaMb?: number;
      heapMb?: number;
      rssMb?: number;
    };
    context.print(
      `10000 posts: index memory ${figures.heapDeltaMb?.toFixed(1)} MB of JS heap retained (heap ${figures.heapMb?.toFixed(1)} MB, ` +
        `RSS ${figures.rssMb?.toFixed(1)} MB); target <= ${targetMemoryMb} MB: ${(figures.heapDeltaMb ?? Infinity) <= targetMemoryMb ? 'met' : 'NOT met'}`,
    );
  },
};
