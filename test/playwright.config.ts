import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/support/browsers';
import type { Mode } from './e2e/support/app-fixture';

const electron = electronBinary();
if ('missing' in electron && !process.env.TEST_WORKER_INDEX) {
  console.log(`[postdesk] electron project: every spec skips because ${electron.missing}.`);
}

// One set of specs, two projects: `web` drives the browser-mode host in Chromium, `electron`
// launches the desktop app (and skips, saying why, where its binary is not installed).
export default defineConfig<object, { mode: Mode }>({
  testDir: './e2e',
  outputDir: '../out/test-results/e2e-artifacts',
  // Whatever the environment: a `.only` fails the run, and nothing is retried (a test that needs a
  // retry is a failing test).
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../out/test-results/e2e.json' }]],
  use: { trace: 'retain-on-first-failure' },
  projects: [
    { name: 'web', use: { mode: 'web' } },
    { name: 'electron', use: { mode: 'electron' } },
  ],
});
