import type { BenchSection } from './bench-section';
import { frontMatterSection } from './front-matter-section';
import { gitSection } from './git-section';
import { hostSection } from './host-section';
import { checksScalingSection } from './checks-scaling-section';
import { indexSection } from './index-section';
import { problemsSection } from './problems-section';
import { renderSection } from './render-bench';
import { rendererSection } from './renderer-section';
import { searchSection } from './search-section';
import { shortcodesSection } from './shortcodes-bench';

/** The sections `npm run bench` runs, in order; add a row (and a module under test/bench/) to add one. */
export const benchSections: BenchSection[] = [
  indexSection,
  hostSection,
  renderSection,
  problemsSection,
  frontMatterSection,
  gitSection,
  searchSection,
  shortcodesSection,
  checksScalingSection,
  rendererSection,
];
