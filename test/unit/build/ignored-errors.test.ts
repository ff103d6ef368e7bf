// An error dropped in the main process either goes to the diagnostics log or says why it may be
// dropped: the rule `errors/ignored-errors` (build/eslint-ignored-errors.mjs) fires on real files
// of every electron layer and stays quiet for the accepted forms; `npm run lint` holds electron/ to it.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { ignoredErrorsPlugin } from '../../../build/eslint-ignored-errors.mjs';

const root = path.resolve(__dirname, '..', '..', '..');
const project = new ESLint({ cwd: root });
const ruleOnly = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { errors: ignoredErrorsPlugin },
      rules: { 'errors/ignored-errors': 'error', 'no-empty': ['error', { allowEmptyCatch: false }] },
    },
  ],
});

async function ruleIds(code: string): Promise<(string | null)[]> {
  const [result] = await ruleOnly.lintText(code, { filePath: path.join(root, 'electron/library/probe.ts') });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

const header =
  "import { promises as fs } from 'node:fs';\ndeclare const site: { report(o: string, p: string | null, e: unknown): void };\n";
const dropped = [
  'export async function a(f: string): Promise<unknown> {\n  return fs.stat(f).catch(() => null);\n}\n',
  'export function b(t: string): unknown {\n  try {\n    return JSON.parse(t);\n  } catch {\n    return null;\n  }\n}\n',
  'export async function c(f: string): Promise<boolean> {\n  return fs.stat(f).then(\n    () => true,\n    () => false,\n  );\n}\n',
];
const accepted = [
  'export async function a(f: string): Promise<unknown> {\n  // Missing: treated as absent.\n  return fs.stat(f).catch(() => null);\n}\n',
  'export function b(t: string): unknown {\n  try {\n    return JSON.parse(t);\n  } catch {\n    // Not JSON: no settings.\n    return null;\n  }\n}\n',
  "export function c(f: string): void {\n  void fs.rm(f).catch((error: unknown) => site.report('cleanup', null, error));\n}\n",
  "export function d(f: string): void {\n  fs.rm(f).catch(() => site.report('cleanup', null, 'failed')).finally(() => undefined);\n}\n",
];

describe('the ignored-errors rule', () => {
  it('fires on a dropped error without a reason, and accepts a reason or a report', async () => {
    for (const code of dropped) expect(await ruleIds(header + code)).toContain('errors/ignored-errors');
    for (const code of accepted) expect(await ruleIds(header + code)).not.toContain('errors/ignored-errors');
    const bare = `${header}export function e(): void {\n  try {\n    e();\n  } catch {}\n}\n`;
    expect(await ruleIds(bare)).toContain('no-empty');
  });

  it.each([
    'electron/library/post-store.ts',
    'electron/host/web-host.ts',
    'electron/shell/json-file.ts',
    'electron/main.ts',
  ])('is on, with no-empty refusing a bare catch, for %s', async (file) => {
    const config = (await project.calculateConfigForFile(path.join(root, file))) as {
      rules: Record<string, unknown[]>;
    };
    expect(config.rules['errors/ignored-errors']?.[0]).toBe(2);
    expect(config.rules['no-empty']).toEqual([2, { allowEmptyCatch: false }]);
  });
});
