import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { chromiumFlags, systemChromium } from '../e2e/support/browsers';
import { median, ms, type BenchContext, type BenchSection } from './bench-section';
import { seededRandom } from './generate-site';

const repoRoot = path.resolve(__dirname, '..', '..');

const targets = {
  initialKb: 400,
  firstPaintMs: 300,
  openRatio: 0.5,
  typingMs: 16,
  preview50Ms: 50,
  preview150Ms: 100,
  heapMb: 150,
};

/** A figure, its target and the ratio of the two (below 1 meets the target). */
function figure(label: string, value: number, target: number, unit: string): string {
  const shown = unit === 'ms' ? ms(value) : `${value.toFixed(1)} ${unit}`;
  const ratio = value / target;
  return `${label}: ${shown} (target <= ${target} ${unit}, ratio ${ratio.toFixed(2)}${ratio <= 1 ? ', met' : ', NOT met'})`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function load(): string {
  return `load ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;
}

/** The bytes the page loads before it runs: the entry script and the modules it preloads. */
async function initialScriptBytes(): Promise<{ bytes: number; files: string[] }> {
  const dir = path.join(repoRoot, 'out', 'renderer');
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  let bytes = 0;
  for (const file of files) bytes += (await stat(path.join(dir, file))).size;
  return { bytes, files };
}

/** A Markdown body of about `size` bytes shaped like a long post (headings, lists, links, code). */
function markdownBody(size: number, seed: number): string {
  const random = seededRandom(seed);
  const words =
    'the a of and writer river garden morning light code city bridge window story note draft'.split(' ');
  const word = (): string => words[Math.floor(random() * words.length)] ?? 'a';
  const sentence = (): string => {
    const text = Array.from({ length: 8 + Math.floor(random() * 10) }, word).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const parts: string[] = [
    'Opening paragraph of the bench post with *some emphasis* and a [link](https://example.org/).',
  ];
  let length = parts[0]!.length;
  while (length < size) {
    const roll = random();
    const part =
      roll < 0.1
        ? `## ${sentence()}`
        : roll < 0.2
          ? `- ${sentence()}\n- ${sentence()}\n- ${sentence()}`
          : roll < 0.23
            ? '```js\nconst answer = 42;\nconsole.log(answer);\n```'
            : Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ') +
              ` See [${word()}](https://example.org/${word()}) and **${word()}**.`;
    parts.push(part);
    length += part.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

function post(title: string, body: string): string {
  return `---\ntitle: "${title}"\ndate: 2024-01-01T00:00:00+00:00\ntags: ["bench"]\n---\n${body}`;
}

/** Starts the built browser-mode host on `site` and answers its address once printed. */
function startHost(site: string, profile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'out', 'web', 'postdesk-web.cjs'),
      '--site',
      site,
      '--port',
      '0',
      '--user-data-dir',
      profile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('http://'));
      if (line) resolve({ url: line.trim(), child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`postdesk-web exited with ${code}:\n${output}`)));
  });
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// Page-side probes, as source text (the bundler must not rewrite what runs in the page).
const probeScript = `
window.__pdLatencies = [];
window.__pdTarget = null;
window.__pdLongTasks = [];
try {
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__pdLongTasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
} catch {}
document.addEventListener('keydown', (event) => {
  const pick = window.__pdTarget;
  if (!pick) return;
  const target = pick === 'editor'
    ? document.querySelector('.cm-content')
    : document.querySelector('iframe[title="Preview"]')?.contentDocument?.body;
  if (!target) return;
  const started = event.timeStamp;
  let done = false;
  const give = (value) => { if (!done) { done = true; window.__pdLatencies.push(value); } };
  const timer = setTimeout(() => { observer.disconnect(); give(-1); }, 3000);
  const observer = new MutationObserver(() => {
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => give(performance.now() - started);
      channel.port2.postMessage(0);
    });
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
}, true);
`;

async function openPost(page: Page, id: string): Promise<void> {
  const filter = page.getByPlaceholder('Search title, path, author, tag');
  await filter.fill(path.basename(id, '.md'));
  await page.getByText('1 post', { exact: true }).waitFor();
  await page.locator('.post-row').first().click();
  await page.locator('h2.post-id', { hasText: id }).waitFor();
  await page.locator('.cm-content').waitFor();
  await filter.fill('');
}

/** Types `count` characters, one at a time, and answers each one's latency as the probe measured it. */
async function typeAndMeasure(
  page: Page,
  target: 'editor' | 'preview',
  count: number,
  gapMs: number,
): Promise<number[]> {
  await page.evaluate(`window.__pdLatencies = []; window.__pdTarget = ${JSON.stringify(target)};`);
  for (let index = 0; index < count; index++) {
    await page.keyboard.type(index % 6 === 5 ? ' ' : 'x');
    await page.waitForFunction(
      (n) => (globalThis as unknown as { __pdLatencies: number[] }).__pdLatencies.length > n,
      index,
    );
    await page.waitForTimeout(gapMs);
  }
  return page.evaluate<number[]>(`window.__pdTarget = null; window.__pdLatencies`);
}

function latencyLine(label: string, values: number[], target: number): string {
  const missed = values.filter((value) => value < 0).length;
  const measured = values.filter((value) => value >= 0);
  const p95 = percentile(measured, 95);
  return `${figure(`${label} p95`, p95, target, 'ms')}; median ${ms(median(measured))}, ${measured.length} keys${missed ? `, ${missed} never updated within 3 s` : ''}; ${load()}`;
}

/** The issue's renderer targets (#11): initial script, first paint, open, typing, preview and heap, in Chromium. */
export const rendererSection: BenchSection = {
  name: 'Renderer in Chromium: initial script, open, typing, preview, heap (10,000-post site)',
  async run(context: BenchContext) {
    const initial = await initialScriptBytes();
    context.print(
      `${figure('initial script', initial.bytes / 1024, targets.initialKb, 'KB')} (${initial.files.length} files)`,
    );
    const executablePath = systemChromium();
    if (!executablePath) {
      context.print('no Chromium found (set POSTDESK_CHROMIUM): the in-browser figures are skipped');
      return;
    }
    const site = await context.site(10000);
    const big = [
      ['content/posts/post-00001.md', 'Bench 50 KB', 50 * 1024],
      ['content/posts/post-00002.md', 'Bench 150 KB', 150 * 1024],
      ['content/posts/post-00003.md', 'Bench 1 MB', 1024 * 1024],
    ] as const;
    const originals = await Promise.all(big.map(([id]) => readFile(path.join(site, id), 'utf8')));
    await Promise.all(
      big.map(([id, title, size], index) =>
        writeFile(path.join(site, id), post(title, markdownBody(size, index + 1))),
      ),
    );
    const profile = path.join(context.workDir, 'renderer-profile');
    const browser = await chromium.launch({ executablePath, args: chromiumFlags });
    let host: ChildProcess | null = null;
    try {
      let hugoMs: number | null = null;
      if (context.hugo) {
        spawnSync(context.hugo, ['list', 'all'], { cwd: site, stdio: 'ignore' });
        const started = performance.now();
        spawnSync(context.hugo, ['list', 'all'], { cwd: site, stdio: 'ignore' });
        hugoMs = performance.now() - started;
      }
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(probeScript);
      const started = performance.now();
      const hostStarted = await startHost(site, profile);
      host = hostStarted.child;
      const printedMs = performance.now() - started;
      await page.goto(hostStarted.url);
      await page.getByText('10000 posts', { exact: true }).waitFor({ timeout: 120_000 });
      const shownMs = performance.now() - started;
      const paint = await page.evaluate<number>(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN",
      );
      context.print(figure('first paint after the page request', paint, targets.firstPaintMs, 'ms'));
      context.print(
        hugoMs === null
          ? `host start to "10000 posts" shown: ${ms(shownMs)} (address printed at ${ms(printedMs)}); no hugo to compare`
          : `${figure('host start to "10000 posts" shown / hugo list all', shownMs / hugoMs, targets.openRatio, 'x')}: ${ms(shownMs)} (address printed at ${ms(printedMs)}) vs hugo ${ms(hugoMs)}; ${load()}`,
      );
      const filterStarted = performance.now();
      await page.getByPlaceholder('Search title, path, author, tag').fill('post-00042');
      await page.getByText('1 post', { exact: true }).waitFor();
      const filterMs = performance.now() - filterStarted;
      await page.getByPlaceholder('Search title, path, author, tag').fill('');
      const longTasks = await page.evaluate<number[]>('window.__pdLongTasks');
      context.print(
        `list usable while the problems pass runs: filtering 10000 posts to one took ${ms(filterMs)}; longest main-thread task so far ${ms(Math.max(0, ...longTasks))} (${longTasks.length} over 50 ms)`,
      );

      for (const [id, , size] of big) {
        await openPost(page, id);
        await page.locator('.cm-content').click({ position: { x: 40, y: 10 } });
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('End');
        const label = size >= 1024 * 1024 ? '1 MB' : `${size / 1024} KB`;
        if (size >= 150 * 1024) {
          context.print(
            latencyLine(
              `typing, ${label} body: key to character painted`,
              await typeAndMeasure(page, 'editor', 40, 60),
              targets.typingMs,
            ),
          );
        }
        if (size <= 150 * 1024) {
          const target = size <= 50 * 1024 ? targets.preview50Ms : targets.preview150Ms;
          context.print(
            latencyLine(
              `preview, ${label} body: key to preview updated`,
              await typeAndMeasure(page, 'preview', 30, 150),
              target,
            ),
          );
        }
      }
      for (const id of ['content/posts/post-00004.md', 'content/posts/post-00005.md'])
        await openPost(page, id);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      context.print(
        `${figure('renderer heap, 10000 posts listed and five tabs open', heap.usedSize / (1024 * 1024), targets.heapMb, 'MB')}; ${load()}`,
      );
    } finally {
      await browser.close();
      if (host) await stopHost(host);
      await Promise.all(big.map(([id], index) => writeFile(path.join(site, id), originals[index] ?? '')));
    }
  },
};
