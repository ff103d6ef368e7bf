// `npm test`: typecheck, lint, the Electronegativity scan, unit tests (vitest, with the main-process
// and package projects) and end-to-end tests (Playwright), in that
// order, stopping at the first step that fails; then one plain line `N passed, N failed, N skipped`
// summed over vitest and Playwright, where a flaky test (failed, then passed) counts as failed
// (there are no retries, so none should ever be). Exits non-zero when a step failed, a test failed,
// or none ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize, summaryLine } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'out', 'test-results');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['security', ['run', 'test:security']],
  ['unit', ['run', 'test:unit']],
  ['e2e', ['run', 'test:e2e']],
];

rmSync(results, { recursive: true, force: true });
const failedSteps = [];
for (const [name, args] of steps) {
  const started = Date.now();
  const run = spawnSync(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `[postdesk] ${name}: ${run.status === 0 ? 'ok' : `failed (exit ${run.status})`} in ${seconds} s`,
  );
  if (run.status !== 0) {
    failedSteps.push(name);
    if (name === 'typecheck' || name === 'lint' || name === 'security') break;
  }
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = readJson(path.join(results, 'unit.json'));
const e2e = readJson(path.join(results, 'e2e.json'));
const summary = summarize(unit, e2e);
const { passed, failed } = summary;

if (unit) console.log(`[postdesk] unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
if (e2e) {
  console.log(
    `[postdesk] e2e: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.flaky} flaky, ${e2e.stats.skipped} skipped`,
  );
}
if (failedSteps.length > 0) console.log(`[postdesk] failed steps: ${failedSteps.join(', ')}`);
console.log(summaryLine(summary));
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
