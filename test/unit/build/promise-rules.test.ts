// The type-aware lint rules are on across the code: a promise left floating, or an async function
// handed where a plain callback is expected, fails the lint (probed on the text of real files, since
// type-aware rules read the file's own TypeScript project).
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

const floating =
  'export async function load(): Promise<number> {\n  return 1;\n}\nexport function start(): void {\n  load();\n}\n';
const misused =
  'export async function load(): Promise<number> {\n  return 1;\n}\nexport const hits = [1, 2].filter(async () => (await load()) > 0);\n';

describe('type-aware lint rules', () => {
  // Type-aware linting first builds each TypeScript project (root and renderer): done once here, so
  // a loaded machine's start-up is not charged to the first probe's time limit.
  beforeAll(async () => {
    await ruleIds('shared/render/render-body.ts', 'export const warm = 1;\n');
    await ruleIds('renderer/features/editor/editor-settings.ts', 'export const warm = 1;\n');
  }, 180_000);

  it.each([
    'shared/render/render-body.ts',
    'electron/library/post-store.ts',
    'renderer/features/editor/editor-settings.ts',
    'test/unit/build/layering.test.ts',
  ])('catch floating and misused promises in %s', async (file) => {
    expect(await ruleIds(file, floating)).toContain('@typescript-eslint/no-floating-promises');
    expect(await ruleIds(file, misused)).toContain('@typescript-eslint/no-misused-promises');
    expect(await ruleIds(file, floating.replace('  load();', '  void load();'))).not.toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });
});
