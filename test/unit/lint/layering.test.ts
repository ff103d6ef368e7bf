import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('keeps electron and Node built-ins out of the renderer', async () => {
    expect(
      await restrictedImports('renderer/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).not.toHaveLength(0);
    expect(
      await restrictedImports('renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).not.toHaveLength(0);
    expect(
      await restrictedImports('renderer/x.ts', "import fs from 'fs';\nexport const a = fs;\n"),
    ).not.toHaveLength(0);
    expect(
      await restrictedImports(
        'renderer/features/x.ts',
        "import { createLibrary } from '../../electron/library/library-service';\nexport const a = createLibrary;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('keeps electron out of electron/library', async () => {
    expect(
      await restrictedImports(
        'electron/library/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('keeps shared/ free of electron/, renderer/ and Node', async () => {
    expect(
      await restrictedImports(
        'shared/x.ts',
        "import { App } from '../renderer/app';\nexport const a = App;\n",
      ),
    ).not.toHaveLength(0);
    expect(
      await restrictedImports('shared/x.ts', "import path from 'node:path';\nexport const a = path;\n"),
    ).not.toHaveLength(0);
  });

  it('lets the renderer import shared/', async () => {
    expect(
      await restrictedImports(
        'renderer/x.ts',
        "import { methods } from '../shared/api';\nexport const a = methods;\n",
      ),
    ).toEqual([]);
  });
});
