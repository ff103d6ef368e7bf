/**
 * `npm run bench [-- --only <words>]`: runs every section of ./sections.ts (or those whose name
 * holds one of the comma-separated words) on seeded generated sites in a temporary folder, prints
 * figures with the machine's load (never asserts on time), writes them to out/bench/results.json and
 * compares them with the previous run's. Also `--compare <before.json> <after.json>`, and the child
 * modes the sections spawn: `--index-once <site>` (open and index, then exit), `--index-memory
 * <site>` (needs --expose-gc), `--problems-once <site> [--in-host]` (one cold and one warm problems
 * pass, as JSON) and `--generate <folder> <posts>` (writes the seeded site, to profile by hand).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibrary } from '../../electron/library/library-service';
import { loadAverage, type BenchContext, type BenchFigure } from './bench-section';
import { generateHugoSite } from './generate-site';
import { timeProblemsPass } from './problems-section';
import { benchSections } from './sections';

function findHugo(): string | null {
  const found = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return found.status === 0 ? 'hugo' : null;
}

async function indexOnce(site: string): Promise<void> {
  const library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  const posts = await library.handlers.listPosts({});
  process.stdout.write(`${posts.length}\n`);
  await library.close();
}

async function indexMemory(site: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  const before = process.memoryUsage().heapUsed;
  const library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  const posts = await library.handlers.listPosts({});
  gc();
  const usage = process.memoryUsage();
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  process.stdout.write(
    `${JSON.stringify({ posts: posts.length, heapDeltaMb: mb(usage.heapUsed - before), heapMb: mb(usage.heapUsed), rssMb: mb(usage.rss) })}\n`,
  );
  await library.close();
}

async function problemsOnce(site: string, inHost: boolean): Promise<void> {
  const figures = await timeProblemsPass(site, inHost ? null : undefined);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Where the figures of the last run are written (out/bench/, beside this bundle). */
const resultsFile = path.join(__dirname, 'results.json');

/** What out/bench/results.json holds: the machine, its load, and every recorded figure. */
interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  node: string;
  cores: number;
  cpu: string;
  /** Load averages (1, 5, 15 minutes) at the start and at the end of the run. */
  loadStart: number[];
  loadEnd: number[];
  /** The sections this run ran (with --only, figures of the others are kept from the previous file). */
  sections: Array<{ name: string; seconds: number; load: number[] }>;
  figures: BenchFigure[];
}

async function readResults(file: string): Promise<BenchResults | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
    return parsed.version === 1 && Array.isArray(parsed.figures) ? parsed : null;
  } catch {
    return null;
  }
}

/** Prints each figure of `after` beside the same figure of `before` (by section and name), with the ratio. */
function printComparison(before: BenchResults, after: BenchResults, print: (line: string) => void): void {
  const old = new Map(before.figures.map((figure) => [`${figure.section}\u0000${figure.name}`, figure]));
  const load = (values: number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  print(
    `\n== Compared with ${before.startedAt} (load then ${load(before.loadStart)}, now ${load(after.loadStart)}; ` +
      `${before.cores} -> ${after.cores} cores)`,
  );
  let shown = 0;
  for (const figure of after.figures) {
    const previous = old.get(`${figure.section}\u0000${figure.name}`);
    if (!previous || previous.unit !== figure.unit) continue;
    const ratio = previous.value === 0 ? '' : ` (${(figure.value / previous.value).toFixed(2)}x)`;
    const target =
      figure.target === undefined ? '' : `; target <= ${figure.target} ${figure.met ? 'met' : 'NOT met'}`;
    print(
      `${figure.name}: ${previous.value.toFixed(1)} -> ${figure.value.toFixed(1)} ${figure.unit}${ratio}${target}`,
    );
    shown++;
  }
  if (shown === 0) print('(no figure of this run was in the previous one)');
}

async function compareFiles(beforeFile: string, afterFile: string): Promise<void> {
  const [before, after] = await Promise.all([readResults(beforeFile), readResults(afterFile)]);
  if (!before || !after) throw new Error('both files must be bench results (out/bench/results.json)');
  printComparison(before, after, (line) => process.stdout.write(`${line}\n`));
}

/** The --only names: a section runs when its name contains one of them (case-insensitive). */
function onlyFilter(argv: readonly string[]): ((name: string) => boolean) | null {
  const at = argv.indexOf('--only');
  const words = at === -1 ? [] : (argv[at + 1] ?? '').split(',').filter(Boolean);
  if (words.length === 0) return null;
  return (name) => words.some((word) => name.toLowerCase().includes(word.toLowerCase()));
}

async function main(): Promise<void> {
  const [mode, site, extra] = process.argv.slice(2);
  if (mode === '--index-once' && site) return indexOnce(site);
  if (mode === '--index-memory' && site) return indexMemory(site);
  if (mode === '--problems-once' && site) return problemsOnce(site, extra === '--in-host');
  if (mode === '--generate' && site && extra) return generateHugoSite(site, Number(extra));
  if (mode === '--compare' && site && extra) return compareFiles(site, extra);
  const only = onlyFilter(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const figures: BenchFigure[] = [];
  const ran: BenchResults['sections'] = [];
  let section = '';
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-bench-'));
  const sites = new Map<number, Promise<string>>();
  const context: BenchContext = {
    workDir,
    benchScript: __filename,
    hugo: findHugo(),
    print: (line) => process.stdout.write(`${line}\n`),
    record(name, value, unit, target) {
      const met = target === undefined ? undefined : value <= target;
      figures.push({
        section,
        name,
        value,
        unit,
        ...(target === undefined ? {} : { target, met }),
        load: os.loadavg(),
      });
      return met === undefined ? '' : met ? 'met' : 'NOT met';
    },
    site(posts) {
      let made = sites.get(posts);
      if (!made) {
        const root = path.join(workDir, `hugo-${posts}`);
        const started = performance.now();
        made = generateHugoSite(root, posts).then(() => {
          context.print(
            `(generated a seeded Hugo site of ${posts} posts in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
          );
          return root;
        });
        sites.set(posts, made);
      }
      return made;
    },
  };
  context.print(
    `Postdesk bench: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ` +
      `${context.hugo ? 'hugo found' : 'no hugo'}, ${loadAverage()}`,
  );
  try {
    for (const each of benchSections) {
      if (only && !only(each.name)) continue;
      section = each.name;
      const sectionStart = performance.now();
      context.print(`\n== ${each.name} [${loadAverage()}]`);
      await each.run(context);
      ran.push({ name: each.name, seconds: (performance.now() - sectionStart) / 1000, load: os.loadavg() });
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const previous = await readResults(resultsFile);
  const names = new Set(ran.map((each) => each.name));
  const kept = only ? (previous?.figures ?? []).filter((figure) => !names.has(figure.section)) : [];
  const results: BenchResults = {
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    node: process.version,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    loadStart,
    loadEnd: os.loadavg(),
    sections: ran,
    figures: [...kept, ...figures],
  };
  if (previous) {
    await writeFile(
      path.join(path.dirname(resultsFile), 'results.previous.json'),
      JSON.stringify(previous, null, 2),
    );
    printComparison(previous, results, context.print);
  }
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  context.print(
    `\n${figures.length} figures written to ${path.relative(process.cwd(), resultsFile)}` +
      (previous ? ' (the previous run is in results.previous.json)' : '') +
      `; compare two runs: node out/bench/bench.cjs --compare <before.json> <after.json> [${loadAverage()}]`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
