/**
 * `npm run bench`: runs every section of ./sections.ts on seeded generated sites in a temporary
 * folder and prints figures (never asserts on time). Also the child modes the sections spawn:
 * `--index-once <site>` (open and index, then exit) and `--index-memory <site>` (needs --expose-gc).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibrary } from '../../electron/library/library-service';
import type { BenchContext } from './bench-section';
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

async function main(): Promise<void> {
  const [mode, site, extra] = process.argv.slice(2);
  if (mode === '--index-once' && site) return indexOnce(site);
  if (mode === '--index-memory' && site) return indexMemory(site);
  if (mode === '--problems-once' && site) return problemsOnce(site, extra === '--in-host');
  if (mode === '--generate' && site && extra) return generateHugoSite(site, Number(extra));
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-bench-'));
  const sites = new Map<number, Promise<string>>();
  const context: BenchContext = {
    workDir,
    benchScript: __filename,
    hugo: findHugo(),
    print: (line) => process.stdout.write(`${line}\n`),
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
    `Postdesk bench: node ${process.version}, ${os.cpus().length} cores, ${context.hugo ? 'hugo found' : 'no hugo'}`,
  );
  try {
    for (const section of benchSections) {
      context.print(`\n== ${section.name}`);
      await section.run(context);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
