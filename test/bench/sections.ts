import type { BenchSection } from './bench-section';
import { checksScalingSection } from './checks-scaling-section';
import { indexSection } from './index-section';
import { problemsSection } from './problems-section';
import { renderSection } from './render-bench';

/** The sections `npm run bench` runs, in order; add a row (and a module under test/bench/) to add one. */
export const benchSections: BenchSection[] = [
  indexSection,
  renderSection,
  problemsSection,
  checksScalingSection,
];
