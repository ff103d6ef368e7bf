/**
 * The shortcodes section of `npm run bench`: the instant preview of a large shortcode-heavy post
 * (shaped like the Hugo docs' busiest pages) beside the same post with its shortcodes taken out and
 * a plain generated post, render+sanitize medians in Chromium; and the Site preview's keypress-pause
 * to the real page (hugo server) median/p95 on the sample site.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumFlags, systemChromium } from '../e2e/support/browsers';
import { startWebHostProcess } from '../support/web-host-process';
import { bundleForPage } from './page-bundle';
import { median, ms, type BenchContext, type BenchSection } from './bench-section';
import { generatedPostBody } from './render-bench';

const repoRoot = path.resolve(__dirname, '..', '..');

/** A deterministic Markdown body of about `bytes` bytes, dense with shortcodes of every kind. */
export function shortcodePostBody(bytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const pick = index % 10;
    let block: string;
    if (pick === 0) block = `## Setting ${index} {{< new-in 0.${100 + index}.0 />}}`;
    else if (pick === 1) {
      block = `{{< code-toggle file=hugo >}}\n[markup.goldmark.parser${index}]\nautoHeadingID = true\nwrapStandAloneImageWithinParagraph = false\n{{< /code-toggle >}}`;
    } else if (pick === 2) {
      block = `Use the [related page]({{< relref "/posts/post-${index}.md" >}}) and see {{% param "release.current" %}} for the value of \`setting${index}\`.`;
    } else if (pick === 3) block = `{{% include "/_common/parameters/setting-${index}.md" %}}`;
    else if (pick === 4) {
      block = `{{< figure src="images/diagram-${index}.png" alt="Diagram ${index}" caption="How setting ${index} *flows*" >}}`;
    } else if (pick === 5) {
      block = `{{< highlight go-html-template >}}\n{{ range .Pages }}\n  <h2>{{ .Title }}</h2>\n{{ end }}\n{{< /highlight >}}`;
    } else if (pick === 6) block = '```go-html-template\n{{</* figure src="a.png" */>}}\n{{ .Content }}\n```';
    else if (pick === 7) {
      block = `{{% note %}}\nSetting ${index} is **deprecated**; use [the new one]({{< ref "post-${index + 1}" >}}).\n{{% /note %}}`;
    } else if (pick === 8)
      block = `Term | Value\n:--|:--\n\`key${index}\` | {{< deprecated-in 0.${90 + index}.0 />}}`;
    else
      block = `Paragraph ${index} explains the setting with a [link](https://example.org/${index}/) and some *emphasis* to read.`;
    blocks.push(block);
    size += block.length + 2;
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The same body with every shortcode taken out (the plain Markdown figure to compare with). */
export function withoutShortcodes(body: string): string {
  return body.replace(/\{\{[<%][^\n]*?[>%]\}\}/g, '');
}

async function pipelineBundle(): Promise<string> {
  return bundleForPage([
    "import { renderBody } from './shared/render/render-body';",
    "import { sanitizeToFragment } from './renderer/features/preview/sanitize-html';",
    'Object.assign(globalThis, { postdeskPipeline: { renderBody, sanitizeToFragment } });',
  ]);
}

async function measureInstant(
  browser: Browser,
  bodies: Record<string, string>,
): Promise<Record<string, number>> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: await pipelineBundle() });
  const figures: Record<string, number> = {};
  for (const [name, body] of Object.entries(bodies)) {
    figures[name] = await page.evaluate((text) => {
      type Pipeline = {
        renderBody(body: string, kind: 'markdown', options: object): string;
        sanitizeToFragment(html: string): unknown;
      };
      const pipeline = (globalThis as unknown as { postdeskPipeline: Pipeline }).postdeskPipeline;
      const templates = {
        site: {
          dialects: { hugo: true, liquid: false },
          baseUrl: 'https://example.org/',
          basePath: '',
          params: { release: { current: '0.140.0' } },
          posts: Array.from({ length: 400 }, (_, i) => ({
            id: `content/posts/post-${i}.md`,
            url: `/posts/post-${i}/`,
          })),
          math: false,
          highlightStyle: null,
        },
        page: {},
        postId: 'content/posts/bench.md',
      };
      const run = (): unknown =>
        pipeline.sanitizeToFragment(pipeline.renderBody(text, 'markdown', { lineMarkers: true, templates }));
      for (let i = 0; i < 10; i++) run();
      const samples: number[] = [];
      for (let round = 0; round < 25; round++) {
        const start = performance.now();
        for (let i = 0; i < 4; i++) run();
        samples.push((performance.now() - start) / 4);
      }
      samples.sort((a, b) => a - b);
      return samples[Math.floor(samples.length / 2)]!;
    }, body);
  }
  await page.close();
  return figures;
}

async function measureSitePreview(browser: Browser, samples: number): Promise<number[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-bench-site-preview-'));
  const site = path.join(dir, 'sample-site');
  await cp(path.join(repoRoot, 'electron', 'sample-site'), site, { recursive: true });
  const host = await startWebHostProcess(repoRoot, site);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    await page.locator('.app[data-ready="true"]').waitFor();
    await page
      .getByRole('listbox', { name: 'Posts' })
      .getByRole('option', { name: 'Writing in Markdown' })
      .click();
    await page.getByRole('tab', { name: 'Site preview' }).click();
    const frame = page.frameLocator('iframe[title="Site preview"]');
    await frame.locator('article').waitFor({ timeout: 60_000 });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    const latencies: number[] = [];
    for (let index = 0; index < samples + 2; index++) {
      const token = `sitetok${index}x`;
      await page.keyboard.type(` ${token}`);
      const start = Date.now();
      await frame.locator('article', { hasText: token }).waitFor({ timeout: 30_000 });
      if (index >= 2) latencies.push(Date.now() - start);
    }
    return latencies;
  } finally {
    await context.close();
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** The shortcodes section of `npm run bench` (a row of ./sections.ts). */
export const shortcodesSection: BenchSection = {
  name: 'Shortcodes in the instant preview; Site preview through hugo server',
  async run(context: BenchContext) {
    const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumFlags });
    try {
      const heavy = shortcodePostBody(60 * 1024);
      const stripped = withoutShortcodes(heavy);
      const plain = generatedPostBody(heavy.length, 5);
      const kb = (text: string): string => `${(text.length / 1024).toFixed(1)} KB`;
      const names = {
        heavy: `shortcode-heavy post (${kb(heavy)}, ${(heavy.match(/\{\{[<%]/g) ?? []).length} tags)`,
        stripped: `the same post without its shortcodes (${kb(stripped)})`,
        plain: `plain generated Markdown post (${kb(plain)})`,
      };
      const figures = await measureInstant(browser, {
        [names.heavy]: heavy,
        [names.stripped]: stripped,
        [names.plain]: plain,
      });
      context.print('Instant preview render+sanitize (Chromium, medians, line markers on)');
      for (const [name, value] of Object.entries(figures)) context.print(`${name}: ${ms(value)}`);
      const ratio = (figures[names.heavy] ?? NaN) / (figures[names.plain] ?? NaN);
      context.print(`shortcode-heavy / plain Markdown of the same size: ${ratio.toFixed(2)}x`);
      if (context.hugo === null) {
        context.print('\nSite preview: skipped (hugo is not installed; `apt-get install hugo`).');
        return;
      }
      const latencies = await measureSitePreview(browser, 15);
      context.print(
        '\n## Site preview: keypress-pause to the real page (hugo server, sample site, 15 samples)',
      );
      context.print(
        `median ${ms(median(latencies))}, p95 ${ms(percentile(latencies, 95))} (from the last key of a word to the page showing it; includes the 400 ms pause)`,
      );
    } finally {
      await browser.close();
    }
  },
};
