// The build stamp lets `npm start`, `npm run web`, the e2e tests and the bench skip a build only when
// out/ was built from exactly the current inputs: any changed, added or removed source, a changed
// lock file, or a missing output makes it stale. Tested on a temporary folder shaped like the repo.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStamp, hashInputs, isUpToDate, outputs, writeStamp } from '../../../build/build-stamp.mjs';

let dir: string;

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-stamp-'));
  await put('package.json', '{}');
  await put('package-lock.json', '{}');
  await put('electron/main.ts', 'export const a = 1;\n');
  await put('renderer/app.tsx', 'export const b = 2;\n');
  await put('shared/api.ts', 'export const c = 3;\n');
  for (const output of outputs) await put(output, 'built');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('build stamp', () => {
  it('is current right after a build of the same inputs, and never before one', async () => {
    const hash = await hashInputs(dir);
    expect(await isUpToDate(hash, dir)).toBe(false);
    await writeStamp(hash, dir);
    expect(await isUpToDate(await hashInputs(dir), dir)).toBe(true);
  });

  it.each([
    ['a changed source', () => put('shared/api.ts', 'export const c = 4;\n')],
    ['an added source', () => put('renderer/features/new-thing.tsx', 'export const d = 5;\n')],
    ['a removed source', () => rm(path.join(dir, 'renderer/app.tsx'))],
    ['a changed lock file', () => put('package-lock.json', '{"lockfileVersion":3}')],
    [
      'a renamed source',
      async () => {
        await rm(path.join(dir, 'electron/main.ts'));
        await put('electron/main2.ts', 'export const a = 1;\n');
      },
    ],
  ])('is stale after %s', async (_name, change) => {
    await writeStamp(await hashInputs(dir), dir);
    await change();
    expect(await isUpToDate(await hashInputs(dir), dir)).toBe(false);
  });

  it('is stale when an output is missing or the stamp was cleared', async () => {
    const hash = await hashInputs(dir);
    await writeStamp(hash, dir);
    await rm(path.join(dir, outputs[0]!));
    expect(await isUpToDate(hash, dir)).toBe(false);
    await put(outputs[0]!, 'built');
    expect(await isUpToDate(hash, dir)).toBe(true);
    await clearStamp(dir);
    expect(await isUpToDate(hash, dir)).toBe(false);
  });

  it('ignores node_modules and dot-folders inside the source folders', async () => {
    await writeStamp(await hashInputs(dir), dir);
    await put('electron/node_modules/x/index.js', 'x');
    await put('renderer/.cache/y', 'y');
    expect(await isUpToDate(await hashInputs(dir), dir)).toBe(true);
  });
});
