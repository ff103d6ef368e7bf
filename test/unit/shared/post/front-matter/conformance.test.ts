import { describe, expect, it } from 'vitest';
import baseline from './conformance/baseline.json';
import { refusalRate, runCase, summarize, type ConformanceCase } from './conformance/harness';
import { tomlCases } from './conformance/toml-cases';
import { yamlSuiteCases } from './conformance/yaml-cases';

function conform(
  format: 'yaml' | 'toml',
  cases: ConformanceCase[],
  limit: { cases: number; refusalRate: number },
) {
  const outcomes = cases.map((sample) => runCase(format, sample));
  const counts = summarize(outcomes);
  const rate = refusalRate(outcomes);
  const lines = Object.entries(counts).map(([name, count]) => `  ${name}: ${count}`);
  console.log(
    `[conformance] ${format.toUpperCase()}: ${cases.length} cases, refusal rate ${(rate * 100).toFixed(1)}% (baseline ${(limit.refusalRate * 100).toFixed(1)}%)\n${lines.join('\n')}`,
  );
  const broken = outcomes.filter((outcome) => outcome.problem !== null);
  expect(broken.map((outcome) => `${outcome.id}: ${outcome.problem}`)).toEqual([]);
  expect(cases.length).toBeGreaterThanOrEqual(limit.cases);
  expect(rate).toBeLessThanOrEqual(limit.refusalRate);
  expect(counts.opened).toBe(counts['byte-identical']);
}

describe('front matter conformance (every case opens or is refused by name, writes back byte-identical, takes a one-scalar edit in place or refuses it by name)', () => {
  it('every valid case of the YAML test suite, wrapped as a --- block', () => {
    conform('yaml', yamlSuiteCases(), baseline.yaml);
  });

  it('the TOML 1.0/1.1 valid-case equivalents, wrapped as a +++ block', () => {
    conform('toml', tomlCases(), baseline.toml);
  });
});
