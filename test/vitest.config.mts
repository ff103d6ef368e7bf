import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of shared/ and electron/library on real temporary folders.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results/unit.json' },
  },
});
