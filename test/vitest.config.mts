import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of shared/ and electron/library on real temporary folders; the main-process wiring
// (test/unit/main) with the `electron` module replaced once by recording fakes in its setup file;
// and the package test (test/package), which builds the app folder with electron-builder.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    testTimeout: 30_000,
    globalSetup: ['test/unit/build-workers.ts'],
    // A `.only` fails the run, in CI or not; no retries.
    allowOnly: false,
    retry: 0,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results/unit.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/main/**'] },
      },
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/unit/main/**/*.test.ts'],
          setupFiles: ['test/unit/main/setup-electron-mock.ts'],
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
