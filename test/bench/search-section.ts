import { cp, mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLibrary } from '../../electron/library/library-service';
import { median, ms, type BenchContext, type BenchSection } from './bench-section';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const heapMb = (): number => process.memoryUsage().heapUsed / (1024 * 1024);

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** The machine's load averages (1, 5 and 15 minutes), printed beside each figure: the bench host is shared. */
const load = (): string =>
  `load ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join('/')}`;

/** One figure against its target: value, target, ratio (value / target), verdict, CPU time and the load. */
function figure(label: string, value: number, target: number, unit: 'ms' | 'MB', extra = ''): string {
  const show = (amount: number): string => (unit === 'ms' ? ms(amount) : `${amount.toFixed(1)} MB`);
  return (
    `${label}: ${show(value)}${extra === '' ? '' : ` (${extra})`}; target <= ${show(target)}, ` +
    `ratio ${(value / target).toFixed(2)}x: ${verdict(value <= target)} [${load()}]`
  );
}
const words = [
  'harbour',
  'coffee',
  'mountain',
  'museum',
  'bread',
  'bridge',
  'festival',
  'recipe',
  'winter',
  'deploy',
];
const phrases = ['"the harbour"', '"coffee and"', '"winter light"', '"market street"', '"a book"'];

/** A copy of the first `count` posts of a generated site, for the write figures (the shared site stays as made). */
async function copySite(from: string, to: string, count: number): Promise<string> {
  await mkdir(path.join(to, 'content', 'posts'), { recursive: true });
  await cp(path.join(from, 'hugo.toml'), path.join(to, 'hugo.toml'));
  const names = (await readdir(path.join(from, 'content', 'posts'))).sort().slice(0, count);
  for (const name of names) {
    await cp(path.join(from, 'content', 'posts', name), path.join(to, 'content', 'posts', name));
  }
  return to;
}

/** The issue's search targets on the 10,000-post site: index build, memory, query p95, regex, replace. */
export const searchSection: BenchSection = {
  name: 'Site search: index build, queries, regex and replace',
  async run(context: BenchContext) {
    const site = await context.site(10000);
    const library = createLibrary({ watch: false });
    await library.handlers.openSite({ path: site });
    // The post index alone (not listPosts, which starts the problems pass: its worker threads would
    // share the cores and the process's CPU time with the search index being measured).
    await library.session().index.refresh();
    collectGarbage();
    const heapBefore = heapMb();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    const cpuStarted = cpuMs();
    await library.handlers.searchPosts({ query: 'zzzznothing' });
    const buildMs = performance.now() - started;
    const buildCpu = cpuMs() - cpuStarted;
    delay.disable();
    collectGarbage();
    const indexMb = heapMb() - heapBefore;
    context.print(
      figure(
        '10000 posts: search index build (cold, after the post index)',
        buildMs,
        2000,
        'ms',
        `CPU ${ms(buildCpu)}; longest event-loop stall ${ms(delay.max / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}`,
      ),
    );
    context.print(
      figure(
        '10000 posts: search index memory (JS heap, the texts kept for lines and regexes included)',
        indexMb,
        150,
        'MB',
      ),
    );
    for (const [label, queries] of [
      ['single words', words],
      ['phrases', phrases],
    ] as const) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const query of queries) {
          const at = performance.now();
          const cpuAt = cpuMs();
          await library.handlers.searchPosts({ query });
          times.push(performance.now() - at);
          cpu.push(cpuMs() - cpuAt);
        }
      }
      context.print(
        figure(
          `10000 posts: query p95 (${label}, ${times.length} queries)`,
          p95(times),
          30,
          'ms',
          `median ${ms(median(times))}; CPU p95 ${ms(p95(cpu))}`,
        ),
      );
    }
    const regexTimes: number[] = [];
    const regexCpu: number[] = [];
    for (let round = 0; round < 3; round++) {
      const at = performance.now();
      const cpuAt = cpuMs();
      const found = await library.handlers.searchPosts({ query: 'zebr\\w+|qu[io]xote', regex: true });
      regexTimes.push(performance.now() - at);
      regexCpu.push(cpuMs() - cpuAt);
      if (found.results.length > 0) context.print('  (the regex unexpectedly matched)');
      if (found.notice) context.print(`  (${found.notice})`);
    }
    context.print(
      figure(
        '10000 posts: regex over all bodies (no match, so every post is scanned; median of 3)',
        median(regexTimes),
        1000,
        'ms',
        `CPU ${ms(median(regexCpu))}`,
      ),
    );
    await library.close();

    const small = await copySite(site, path.join(context.workDir, 'replace-1000'), 1000);
    const writer = createLibrary({ watch: false });
    await writer.handlers.openSite({ path: small });
    await writer.session().index.refresh();
    await writer.handlers.searchPosts({ query: 'zzzznothing' });
    const search = { query: 'harbour', wholeWord: true, caseSensitive: true };
    const previewAt = performance.now();
    const preview = await writer.handlers.previewReplace({ search, replacement: 'haven' });
    const previewMs = performance.now() - previewAt;
    const files = preview.files.map((file) => ({
      id: file.id,
      sha256: file.sha256,
      offsets: file.matches.map((match) => match.offset),
    }));
    const applyAt = performance.now();
    const applyCpuAt = cpuMs();
    const outcome = await writer.handlers.applyReplace({ search, replacement: 'haven', files });
    const applyMs = performance.now() - applyAt;
    const applyCpu = cpuMs() - applyCpuAt;
    const matches = preview.files.reduce((sum, file) => sum + file.matches.length, 0);
    context.print(
      figure(
        `1000 posts: replace one word (${matches} matches in ${outcome.changed.length} files, atomic writes with fsync)`,
        applyMs,
        3000,
        'ms',
        `CPU ${ms(applyCpu)}; its preview ${ms(previewMs)}`,
      ),
    );
    const undoAt = performance.now();
    const undoCpuAt = cpuMs();
    const undone = await writer.handlers.undoReplace({ undoId: outcome.undoId ?? '' });
    context.print(
      `1000 posts: undo of that replace (${undone.changed.length} files) ${ms(performance.now() - undoAt)} (CPU ${ms(cpuMs() - undoCpuAt)}) [${load()}]`,
    );

    const taxonomies = await writer.handlers.listTaxonomies({});
    const tagValues = taxonomies.find((group) => group.key === 'tags')?.terms.map((term) => term.value) ?? [];
    // Every generated post has a tag: merging all of them into one changes each post's tags line.
    const tagEdit = { key: 'tags', action: 'merge' as const, from: tagValues, to: 'one-tag' };
    for (const change of [tagEdit]) {
      const at = performance.now();
      const changes = await writer.handlers.previewTaxonomyEdit(change);
      const previewed = performance.now() - at;
      const applyStart = performance.now();
      const applyCpuStart = cpuMs();
      const done = await writer.handlers.applyTaxonomyEdit({
        edit: change,
        files: changes.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
      });
      const applied = performance.now() - applyStart;
      const appliedCpu = cpuMs() - applyCpuStart;
      const scaled = (applied * 1000) / Math.max(1, done.changed.length);
      context.print(
        figure(
          `1000 posts: taxonomy rename (all ${change.from.length} ${change.key} merged into one) across ${done.changed.length} posts, ` +
            'one list item or line each, scaled to 1,000 posts',
          scaled,
          3000,
          'ms',
          `measured ${ms(applied)}, CPU ${ms(appliedCpu)}; its preview ${ms(previewed)}`,
        ),
      );
    }
    await writer.close();
  },
};
