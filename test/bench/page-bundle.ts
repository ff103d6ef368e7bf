// Bundles renderer and shared modules into one script for a plain page in Chromium, the way the
// bench measures the preview pipeline without the whole app.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..');

// Vite inlines `x.css?inline` imports as strings; esbuild has no such loader, and the figures
// measured here do not depend on the stylesheet's text, so each becomes an empty string.
const cssInlineAsEmpty: Plugin = {
  name: 'css-inline-as-empty',
  setup(build) {
    build.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: args.path, namespace: 'css-inline' }));
    build.onLoad({ filter: /.*/, namespace: 'css-inline' }, () => ({
      contents: 'export default "";',
      loader: 'js',
    }));
  },
};

/** An IIFE script (as text) of the given TypeScript lines, resolved from the repository root. */
export async function bundleForPage(lines: string[]): Promise<string> {
  // Required at run time: esbuild cannot be bundled into the bench itself.
  const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    plugins: [cssInlineAsEmpty],
  });
  return result.outputFiles[0]?.text ?? '';
}
