import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of shared/ and electron/library on real temporary folders; the main-process wiring
// (test/unit/electron/*.test.ts and test/unit/electron/shell, the tests of the files that import
// `electron`) with the `electron` module replaced once by recording fakes in its setup file;
// and the package test (test/package), which builds the app folder with electron-builder.
// Unit tests mirror the source tree: the test of electron/library/x.ts is test/unit/electron/library/x.test.ts.
const mainTests = ['test/unit/electron/*.test.ts', 'test/unit/electron/shell/**/*.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    testTimeout: 30_000,
    globalSetup: ['test/support/build-workers.ts'],
    // A `.only` fails the run, in CI or not; no retries.
    allowOnly: false,
    retry: 0,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results/unit.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: mainTests },
      },
      {
        extends: true,
        test: {
          name: 'main',
          include: mainTests,
          setupFiles: ['test/support/setup-electron-mock.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
