import { cp, mkdir, readdir } from 'node:fs/promises';
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

/** The search targets on the 10,000-post site: index build, memory, query p95, regex, replace. */
export const searchSection: BenchSection = {
  name: 'Site search: index build, queries, regex and replace',
  async run(context: BenchContext) {
    const site = await context.site(10000);
    const library = createLibrary({ watch: false });
    await library.handlers.openSite({ path: site });
    await library.handlers.listPosts({});
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
      `10000 posts: search index build (cold, after the post index) ${ms(buildMs)} (CPU ${ms(buildCpu)}), target <= 2000 ms: ${verdict(buildMs <= 2000)}; ` +
        `longest event-loop stall ${ms(delay.max / 1e6)} (p99 ${ms(delay.percentile(99) / 1e6)})`,
    );
    context.print(
      `10000 posts: search index memory ${indexMb.toFixed(1)} MB of JS heap (texts kept for lines and regexes included), ` +
        `target <= 150 MB: ${verdict(indexMb <= 150)}`,
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
      const worst = p95(times);
      context.print(
        `10000 posts: query p95 (${label}, ${times.length} queries) ${ms(worst)}, median ${ms(median(times))} ` +
          `(CPU p95 ${ms(p95(cpu))}); target <= 30 ms: ${verdict(worst <= 30)}`,
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
    const regexMs = median(regexTimes);
    context.print(
      `10000 posts: regex over all bodies (no match, so every post is scanned) ${ms(regexMs)} (median of 3, CPU ${ms(median(regexCpu))}); target <= 1000 ms: ${verdict(regexMs <= 1000)}`,
    );
    await library.close();

    const small = await copySite(site, path.join(context.workDir, 'replace-1000'), 1000);
    const writer = createLibrary({ watch: false });
    await writer.handlers.openSite({ path: small });
    await writer.handlers.listPosts({});
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
      `1000 posts: replace one word (${matches} matches in ${outcome.changed.length} files, atomic writes with fsync) ` +
        `${ms(applyMs)} (CPU ${ms(applyCpu)}; preview ${ms(previewMs)}); target <= 3000 ms: ${verdict(applyMs <= 3000)}`,
    );
    const undoAt = performance.now();
    await writer.handlers.undoReplace({ undoId: outcome.undoId ?? '' });
    context.print(`1000 posts: undo of that replace ${ms(performance.now() - undoAt)}`);

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
      context.print(
        `1000 posts: taxonomy merge of all ${change.from.length} ${change.key} into one across ${done.changed.length} posts ` +
          `(one list item or line each) ${ms(applied)} (CPU ${ms(appliedCpu)}; preview ${ms(previewed)}); target <= 3000 ms for 1,000 posts: ` +
          verdict((applied * 1000) / Math.max(1, done.changed.length) <= 3000) +
          ` (scaled to 1,000: ${ms((applied * 1000) / Math.max(1, done.changed.length))})`,
      );
    }
    await writer.close();
  },
};
