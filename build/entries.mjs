// The bundles of the Node side and how esbuild builds them; shared by build/bundle.mjs and the
// import-graph test (test/unit/build/import-graph.test.ts), so the test walks the very graph
// that ships. The renderer's entry is built by Vite (renderer/vite.config.mts).

/** Each Node bundle: its entry point and its file under out/. */
export const nodeEntries = [
  { in: 'electron/main.ts', out: 'electron/main.cjs' },
  { in: 'electron/preload.ts', out: 'electron/preload.cjs' },
  { in: 'electron/web-main.ts', out: 'web/postdesk-web.cjs' },
  { in: 'test/bench/bench.ts', out: 'bench/bench.cjs' },
  { in: 'electron/library/problems/problems-worker.ts', out: 'workers/problems-worker.cjs' },
];

/** The renderer's entry point (Vite builds it from renderer/index.html). */
export const rendererEntry = 'renderer/main.tsx';

/** The esbuild options every Node bundle shares. */
export const nodeBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron', 'playwright-core', '@playwright/test'],
  logLevel: 'warning',
};
