import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
// The probes lint files that do not exist: without type information (the type-aware rules are
// probed on real files in promise-rules.test.ts).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
      },
    },
  ],
});

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'postdesk/layers').map((m) => m.message);
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

  it('closes the holes of the old deny-list: other layers, dynamic import, require, Node-only packages', async () => {
    const probes: Array<[string, string]> = [
      ['electron/library/x.ts', "import { showAbout } from '../shell/about';\nexport const a = showAbout;\n"],
      [
        'electron/library/images/x.ts',
        "import { startWebHost } from '../../host/web-host';\nexport const a = startWebHost;\n",
      ],
      ['electron/library/x.ts', "export const a = import('electron');\n"],
      ['electron/library/x.ts', "export const a = require('electron');\n"],
      ['electron/library/x.ts', "const name = 'electron';\nexport const a = import(name);\n"],
      ['shared/x.ts', "import { watch } from 'chokidar';\nexport const a = watch;\n"],
      ['shared/x.ts', "export { default as matter } from 'gray-matter';\n"],
      ['renderer/x.ts', "export const a = import('../electron/library/post-store');\n"],
      ['electron/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
      ['electron/host/x.ts', "import { showAbout } from '../shell/about';\nexport const a = showAbout;\n"],
      [
        'electron/shell/x.ts',
        "import { connectApi } from '../../renderer/api/connect-api';\nexport const a = connectApi;\n",
      ],
      [
        'electron/library/x.ts',
        "import { tempDir } from '../../test/support/temp-site';\nexport const a = tempDir;\n",
      ],
      ['shared/x.ts', "import { main } from '../electron/main';\nexport const a = main;\n"],
    ];
    for (const [file, code] of probes) {
      expect(await restrictedImports(file, code), `${file}: ${code}`).not.toHaveLength(0);
    }
  });

  it('lets each layer import what the allow-list gives it', async () => {
    const allowed: Array<[string, string]> = [
      ['electron/host/x.ts', "import type { IpcMain } from 'electron';\nexport type A = IpcMain;\n"],
      [
        'electron/host/x.ts',
        "import { isInside } from '../library/site-paths';\nexport const a = isInside;\n",
      ],
      ['electron/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
      [
        'electron/main.ts',
        "import { startWebHost } from '../lint/host/web-host';\nexport const a = startWebHost;\n",
      ],
      ['electron/library/x.ts', "import { watch } from 'chokidar';\nexport const a = watch;\n"],
      ['shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n"],
      ['test/unit/x.test.ts', "import { tempDir } from '../support/temp-site';\nexport const a = tempDir;\n"],
    ];
    for (const [file, code] of allowed)
      expect(await restrictedImports(file, code), `${file}: ${code}`).toEqual([]);
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
