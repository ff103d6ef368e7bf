import { performance } from 'node:perf_hooks';
import { checkPostProblems } from '../../electron/library/post-problems';
import { checkFrontMatter } from '../../shared/lint/front-matter-checks';
import { checkBlankNoopener, checkDuplicateStyle, checkImageAlt } from '../../shared/lint/html-checks';
import { checkMojibake } from '../../shared/lint/mojibake';
import { findSiteRefs } from '../../shared/lint/site-refs';
import { isBalancedHtml, markdownBlocks } from '../../shared/render/render-blocks';
import { renderBody } from '../../shared/render/render-body';
import { median, type BenchContext, type BenchSection } from './bench-section';
import { loadAverage } from './problems-section';
import { hostileShapes } from '../support/hostile-shapes';

const facts = { fields: [], staticFiles: new Set<string>(), staticDir: 'static', fileExists: () => false };

/** Every scan of post text, by name, as a function of the text. */
const checks: { name: string; run: (text: string) => unknown; base?: number }[] = [
  { name: 'mojibake', run: (text) => checkMojibake(text) },
  { name: 'image alt', run: (text) => checkImageAlt(text, true) },
  { name: 'blank noopener', run: (text) => checkBlankNoopener(text) },
  { name: 'duplicate style', run: (text) => checkDuplicateStyle(text) },
  { name: 'site refs', run: (text) => findSiteRefs(text, true, 'static', 'content/posts/a.md') },
  { name: 'balanced HTML', run: (text) => isBalancedHtml(text) },
  { name: 'front matter', run: (text) => checkFrontMatter(`---\ntitle: x\n---\n${text}`) },
  {
    name: 'whole post (host)',
    run: (text) => checkPostProblems('content/posts/a.md', `---\ntitle: x\n---\n${text}`, facts),
  },
  // marked is slow per byte (and super-linear on some shapes): a smaller base.
  { name: 'preview blocks', run: (text) => markdownBlocks(text), base: 16 * 1024 },
  {
    name: 'preview render',
    run: (text) => renderBody(text, 'markdown', { lineMarkers: true }),
    base: 16 * 1024,
  },
];

function time(run: () => unknown): number {
  const runs: number[] = [];
  for (let index = 0; index < 3; index++) {
    const started = performance.now();
    run();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

/**
 * How every content check (and the preview's render) scales on each hostile shape: time at 1x, 2x
 * and 4x the size, and the 4x/1x ratio (about 4 when linear, 16 when quadratic). Figures only.
 */
export const checksScalingSection: BenchSection = {
  name: 'Content checks on hostile shapes: time at 1x, 2x, 4x size (4x/1x ~4 is linear)',
  async run(context: BenchContext) {
    context.print(`[${loadAverage()}]`);
    const base = 512 * 1024;
    for (const shape of hostileShapes) {
      const cells: string[] = [];
      let worst = 0;
      for (const check of checks) {
        if (shape.skip?.includes(check.name)) {
          cells.push(`${check.name} skipped (super-linear in marked: left to the worker's budget)`);
          continue;
        }
        const texts = [1, 2, 4].map((factor) => shape.make((check.base ?? base) * factor));
        const [one, two, four] = texts.map((text) => time(() => check.run(text))) as [number, number, number];
        const ratio = four / Math.max(one, 1);
        worst = Math.max(worst, ratio);
        cells.push(
          `${check.name} ${one.toFixed(1)}/${two.toFixed(1)}/${four.toFixed(1)} (${ratio.toFixed(1)}x)`,
        );
      }
      context.print(
        `${shape.name} (${base / 1024} KB base): ${cells.join('; ')} ms; worst 4x/1x ${worst.toFixed(1)}`,
      );
    }
    context.print(
      `(ms at 1x/2x/4x of 512 KB, 16 KB for the preview; medians of 3; ratios over a 1 ms floor) [${loadAverage()}]`,
    );
  },
};
