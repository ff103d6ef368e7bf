// The afterPack hook on a synthetic fuse wire: a file holding the sentinel and fuse wire layout that
// Electron binaries carry (8 fuses, all enabled as in a stock build), so the hook's flips can be read
// back with @electron/fuses here, where the real Electron binary is not installed. It is not Electron;
// the package test reads the fuses of the real binary wherever Electron is installed.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-site';

interface HookContext {
  electronPlatformName: string;
  appOutDir: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
const hook = createRequire(__filename)('../../build/after-pack.cjs') as {
  default: (context: HookContext) => Promise<void>;
};

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const disabled = '0'.charCodeAt(0);
const enabled = '1'.charCodeAt(0);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const context = (): HookContext => ({
  electronPlatformName: 'linux',
  appOutDir: dir,
  arch: 1,
  packager: { executableName: 'postdesk', appInfo: { productFilename: 'Postdesk' } },
});

describe('the afterPack fuse hook', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off and app.asar-only loading on', async () => {
    const wire = Buffer.concat([
      Buffer.from('synthetic fuse wire, not Electron\0'),
      Buffer.from(sentinel),
      Buffer.from([1, 8]),
      Buffer.alloc(8, enabled),
      Buffer.from('\0tail'),
    ]);
    await writeFile(path.join(dir, 'postdesk'), wire);
    await hook.default(context());
    const fuses = await getCurrentFuseWire(path.join(dir, 'postdesk'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(disabled);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(disabled);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(disabled);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(enabled);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(enabled);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(disabled);
    expect((await readFile(path.join(dir, 'postdesk'))).length).toBe(wire.length);
  });

  it('leaves the test placeholder alone and fails on any other binary without fuses', async () => {
    const placeholder = '#!/bin/sh\necho "placeholder, not Electron"\nexit 1\n';
    await writeFile(path.join(dir, 'postdesk'), placeholder);
    await hook.default(context());
    expect(await readFile(path.join(dir, 'postdesk'), 'utf8')).toBe(placeholder);
    await writeFile(path.join(dir, 'postdesk'), 'some other program');
    await expect(hook.default(context())).rejects.toThrow(/sentinel/);
  });
});
