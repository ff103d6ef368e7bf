/**
 * The render section of `npm run bench`: render+sanitize medians of the preview pipeline (in
 * Chromium, where DOMPurify has a real DOM) for the largest generated post and a 150 KB post, and
 * keypress-to-preview latency p50/p95 on a 50 KB body, typed into the browser-mode app.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { BodyKind } from '../../shared/api';
import { detectBodyKind } from '../../shared/post/body-kind';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { chromiumFlags, systemChromium } from '../e2e/support/browsers';
import { bundleForPage } from './page-bundle';
import type { BenchContext, BenchSection } from './bench-section';
import { startWebHostProcess } from '../support/web-host-process';

// page.evaluate callbacks run in the browser, but this file is type-checked for Node (no DOM lib):
// the browser globals they use are declared loosely here, for this module only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const requestAnimationFrame: (callback: () => void) => number;
declare const MutationObserver: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const repoRoot = path.resolve(__dirname, '..', '..');
// The preview renders on every edit (no fixed pause since #11); kept so the target below reads the same.
const previewDelayMs = 0;

/** The size of the largest post the site generator of the benches writes (bytes of Markdown body). */
export const largestGeneratedPostBytes = 14 * 1024;

const words =
  'static site post writer preview image editor blog markdown content draft theme layout section folder asset generator reader'.split(
    ' ',
  );

/**
 * A deterministic Markdown body of about `bytes` bytes shaped like a real post: headings,
 * paragraphs with emphasis and links, lists, code, quotes, tables, images and raw HTML blocks.
 */
export function generatedPostBody(bytes: number, seed = 1): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const word = (): string => words[Math.floor(next() * words.length)] ?? 'word';
  const sentence = (): string => {
    const parts = Array.from({ length: 8 + Math.floor(next() * 10) }, word);
    if (next() < 0.3) parts[2] = `**${parts[2]}**`;
    if (next() < 0.3) parts[4] = `[${parts[4]}](https://example.org/${parts[5]}/)`;
    if (next() < 0.2) parts[6] = `\`${parts[6]}\``;
    return `${parts.join(' ')}.`;
  };
  const blocks: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    let block: string;
    const pick = index % 12;
    if (pick === 0) block = `## ${sentence()}`;
    else if (pick === 3) block = Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n');
    else if (pick === 5) block = `\`\`\`js\nconst ${word()} = ${index};\nprint(${word()});\n\`\`\``;
    else if (pick === 7) block = `![${word()} ${word()}](/images/blog/post-${index}/photo.png)`;
    else if (pick === 8) block = `> ${sentence()}`;
    else if (pick === 9) {
      block = `<figure class="alignright" style="width: 40%">\n<img src="/images/blog/${word()}.jpg" alt="${word()}">\n<figcaption>${sentence()}</figcaption>\n</figure>`;
    } else if (pick === 10) block = `| ${word()} | ${word()} |\n|---|---|\n| ${word()} | ${word()} |`;
    else block = `${sentence()} ${sentence()} ${sentence()}`;
    blocks.push(block);
    size += block.length + 2;
  }
  return `${blocks.join('\n\n')}\n`;
}

interface BrowserFigures {
  renderMs: number;
  sanitizeMs: number;
  totalMs: number;
  patchMs: number;
  openMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** Bundles the preview pipeline (marked, the sanitiser, the morphdom patch) for a plain page. */
async function pipelineBundle(): Promise<string> {
  return bundleForPage([
    "import { renderBody } from './shared/render/render-body';",
    "import { sanitizeToFragment as sanitizeHtml } from './renderer/features/preview/sanitize-html';",
    "import { patchPreview } from './renderer/features/preview/preview-document';",
    'Object.assign(globalThis, { postdeskPipeline: { renderBody, sanitizeHtml, patchPreview } });',
  ]);
}

/** A body to measure and its kind. */
export interface BenchBody {
  body: string;
  kind: BodyKind;
}

async function measurePipeline(
  browser: Browser,
  bodies: Record<string, BenchBody>,
): Promise<Record<string, BrowserFigures>> {
  const page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html><body><iframe id="f" sandbox="allow-same-origin" srcdoc="<!doctype html><body></body>"></iframe></body></html>',
  );
  await page.addScriptTag({ content: await pipelineBundle() });
  await page.waitForFunction(() => document.getElementById('f').contentDocument?.body);
  const figures: Record<string, BrowserFigures> = {};
  for (const [name, { body, kind }] of Object.entries(bodies)) {
    figures[name] = await page.evaluate(
      async ({ body, kind }) => {
        type Pipeline = {
          renderBody(body: string, kind: 'markdown' | 'html', options: { lineMarkers: boolean }): string;
          sanitizeHtml(html: string, rewrite: (url: string) => string | null): unknown;
          patchPreview(
            doc: Document,
            body: string,
            kind: 'markdown' | 'html',
            rewrite: (url: string) => string | null,
          ): void;
        };
        const pipeline = (globalThis as unknown as { postdeskPipeline: Pipeline }).postdeskPipeline;
        const rewrite = (url: string): string | null => (url.startsWith('/') ? `/asset/static${url}` : null);
        const frame = document.getElementById('f').contentDocument!;
        const med = (values: number[]): number =>
          [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        // performance.now() is coarse in a plain page: time batches and divide.
        const sample = (run: () => void): number[] => {
          let batch = 1;
          for (;;) {
            const start = performance.now();
            for (let i = 0; i < batch; i++) run();
            if (performance.now() - start > 5 || batch >= 256) break;
            batch *= 2;
          }
          const samples: number[] = [];
          for (let round = 0; round < 25; round++) {
            const start = performance.now();
            for (let i = 0; i < batch; i++) run();
            samples.push((performance.now() - start) / batch);
          }
          return samples;
        };
        const html = pipeline.renderBody(body, kind, { lineMarkers: true });
        // Warm up every path first, so the first one measured does not pay for the JIT.
        for (let i = 0; i < 15; i++) {
          pipeline.sanitizeHtml(pipeline.renderBody(body, kind, { lineMarkers: true }), rewrite);
          pipeline.patchPreview(frame, i % 2 === 0 ? `${body}warm` : body, kind, rewrite);
        }
        const renderMs = med(sample(() => pipeline.renderBody(body, kind, { lineMarkers: true })));
        const sanitizeMs = med(sample(() => pipeline.sanitizeHtml(html, rewrite)));
        const totalMs = med(
          sample(() =>
            pipeline.sanitizeHtml(pipeline.renderBody(body, kind, { lineMarkers: true }), rewrite),
          ),
        );
        // A patch after a one-word edit near the end: what the preview does after each pause.
        let flip = false;
        const patchMs = med(
          sample(() => {
            flip = !flip;
            pipeline.patchPreview(frame, flip ? `${body}edited` : body, kind, rewrite);
          }),
        );
        // Opening the post: a fresh preview (a new rewriter resets the kept blocks).
        const openMs = med(sample(() => pipeline.patchPreview(frame, body, kind, (url) => rewrite(url))));
        return { renderMs, sanitizeMs, totalMs, patchMs, openMs };
      },
      { body, kind },
    );
  }
  await page.close();
  return figures;
}

/**
 * Types tokens at the end of a generated body of `kilobytes` KB in the browser-mode app and answers,
 * per token, the time from its last keydown to the animation frame after it shows in `target`.
 */
async function measureKeypressLatency(
  browser: Browser,
  kilobytes: number,
  target: 'preview' | 'editor',
  samples: number,
): Promise<number[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-bench-'));
  const site = path.join(dir, 'site');
  await cp(path.join(repoRoot, 'test', 'fixtures', 'sites', 'hugo-basic'), site, { recursive: true });
  const body = generatedPostBody(kilobytes * 1024, 7);
  const title = `Bench ${kilobytes} KB`;
  await writeFile(path.join(site, 'content', 'posts', 'bench.md'), `---\ntitle: "${title}"\n---\n${body}`);
  const host = await startWebHostProcess(repoRoot, site);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    await page.locator('.app[data-ready="true"]').waitFor();
    await page.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: title }).click();
    await page.frameLocator('iframe[title="Preview"]').locator('h2').first().waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.evaluate((where) => {
      const state = { lastKey: 0 };
      document.addEventListener('keydown', () => (state.lastKey = performance.now()), true);
      Object.assign(window, {
        benchWait: (token: string) =>
          new Promise<number>((resolve) => {
            const frame = document.querySelector('iframe[title="Preview"]')!;
            const doc = frame.contentDocument!;
            const root = where === 'preview' ? doc.body : document.querySelector('.cm-content');
            const shown = (): string =>
              where === 'preview'
                ? (doc.body.lastElementChild?.textContent ?? '')
                : (document.querySelector('.cm-activeLine')?.textContent ?? '');
            const check = (): boolean => {
              if (!shown().includes(token)) return false;
              observer.disconnect();
              // Until the frame that shows it: the next animation frame after the patch.
              requestAnimationFrame(() => resolve(performance.now() - state.lastKey));
              return true;
            };
            const observer = new MutationObserver(() => void check());
            observer.observe(root, { subtree: true, childList: true, characterData: true });
            check();
          }),
      });
    }, target);
    const latencies: number[] = [];
    for (let index = 0; index < samples + 3; index++) {
      const token = `tok${index}x`;
      const waiting = page.evaluate(
        (t) => (window as unknown as { benchWait(t: string): Promise<number> }).benchWait(t),
        token,
      );
      await page.keyboard.type(` ${token}`);
      const latency = await waiting;
      if (index >= 3) latencies.push(latency);
    }
    return latencies;
  } finally {
    await context.close();
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What runRenderBench may be given. */
export interface RenderBenchOptions {
  /**
   * The largest posts of the generated bench site, the first one Markdown (the target is checked
   * on it); else a generated 14 KB Markdown body stands in.
   */
  largestPosts?: Array<BenchBody & { label: string }>;
  /** Prints one line (console.log by default). */
  print?: (line: string) => void;
}

/**
 * Runs the render section and prints its figures: render, sanitize and render+sanitize medians
 * (plus the preview update after an edit and the first render) for the largest generated post and
 * a 150 KB post, keypress-to-preview p50/p95 on a 50 KB body against its target, and typing latency
 * on a 150 KB body. Needs `npm run build` first.
 */
export async function runRenderBench(options: RenderBenchOptions = {}): Promise<void> {
  const print = options.print ?? ((line: string) => console.log(line));
  const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumFlags });
  try {
    const largest = options.largestPosts ?? [
      {
        label: 'a generated Markdown post',
        body: generatedPostBody(largestGeneratedPostBytes),
        kind: 'markdown' as const,
      },
    ];
    const big = generatedPostBody(150 * 1024, 3);
    const kb = (text: string): string => `${(text.length / 1024).toFixed(1)} KB`;
    const bodies: Record<string, BenchBody> = {};
    for (const post of largest) {
      bodies[
        `largest generated post (${post.label}, ${kb(post.body)} ${post.kind === 'html' ? 'HTML' : 'Markdown'})`
      ] = post;
    }
    bodies[`150 KB post (${kb(big)} Markdown)`] = { body: big, kind: 'markdown' };
    const figures = await measurePipeline(browser, bodies);
    const load = os.loadavg()[0] ?? 0;
    print('Preview render (Chromium, medians)');
    print(
      `machine: ${os.cpus().length} cores, load average ${load.toFixed(1)} (figures are noisy when it exceeds the cores)`,
    );
    for (const [name, figure] of Object.entries(figures)) {
      print(
        `${name}: render ${ms(figure.renderMs)} + sanitize ${ms(figure.sanitizeMs)} = render+sanitize ${ms(figure.totalMs)}; preview update after a one-word edit ${ms(figure.patchMs)}; first render into the preview ${ms(figure.openMs)}`,
      );
    }
    const first = Object.values(figures)[0];
    if (first) {
      print(
        `target: render+sanitize <= 4 ms median for the largest generated (Markdown) post: ${first.totalMs <= 4 ? 'met' : 'NOT met'} (${ms(first.totalMs)})`,
      );
    }
    const latencies = await measureKeypressLatency(browser, 50, 'preview', 40);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    print('\n## Keypress to preview (web host in Chromium, 50 KB body, 40 samples)');
    print(`p50 ${ms(p50)}, p95 ${ms(p95)} (the preview waits for no pause; median ${ms(median(latencies))})`);
    print(`target: p95 <= ${50 + previewDelayMs} ms: ${p95 <= 50 + previewDelayMs ? 'met' : 'NOT met'}`);
    const typing = await measureKeypressLatency(browser, 150, 'editor', 40);
    print('\n## Typing on a 150 KB body (keypress to the editor showing it, 40 samples)');
    print(`p50 ${ms(percentile(typing, 50))}, p95 ${ms(percentile(typing, 95))}`);
  } finally {
    await browser.close();
  }
}

/** The largest Markdown post and the largest post of any kind of a generated site (bodies after the front matter). */
async function largestPostsOf(site: string): Promise<Array<BenchBody & { label: string }>> {
  const folder = path.join(site, 'content', 'posts');
  const sized = await Promise.all(
    (await readdir(folder)).map(async (name) => ({ name, size: (await stat(path.join(folder, name))).size })),
  );
  sized.sort((a, b) => b.size - a.size);
  const picked: Array<BenchBody & { label: string }> = [];
  let markdownFound = false;
  for (const { name } of sized) {
    const text = await readFile(path.join(folder, name), 'utf8');
    const body = text.slice(splitFrontMatter(text).bodyStart);
    const kind = detectBodyKind(name, body);
    const post = { label: `${name} of the 10,000-post site`, body, kind };
    if (picked.length === 0 && kind === 'html') picked.push(post);
    else if (kind === 'markdown' && !markdownFound) {
      picked.unshift(post);
      markdownFound = true;
    }
    if (markdownFound) break;
  }
  return picked;
}

/** The render section of `npm run bench` (a row of ./sections.ts). */
export const renderSection: BenchSection = {
  name: 'Preview: render+sanitize, keypress to preview, typing',
  async run(context: BenchContext) {
    const largestPosts = await largestPostsOf(await context.site(10000));
    await runRenderBench({ largestPosts, print: context.print });
  },
};
