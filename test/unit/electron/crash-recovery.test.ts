// Crash recovery through a real process: the web host (electron/web-main.ts, bundled by esbuild into
// a temp folder exactly as build/bundle.mjs bundles out/web/postdesk-web.cjs, so this test never
// races the package test rebuilding out/) backs up a buffer over HTTP, is killed with SIGKILL, starts again on the same user-data folder,
// and still lists the backup.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { build } from 'esbuild';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../shared/api';
import { copyFixtureSite, tempDir } from '../../support/temp-site';

const root = path.resolve(__dirname, '..', '..', '..');
let bundleDir: string;
let hostScript: string;
let site: string;
let profile: string;
let cleanups: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-web-bundle-'));
  hostScript = path.join(bundleDir, 'web', 'postdesk-web.cjs');
  await build({
    entryPoints: [path.join(root, 'electron', 'web-main.ts')],
    outfile: hostScript,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
  });
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});
beforeEach(async () => {
  const copied = await copyFixtureSite('hugo-basic');
  const temp = await tempDir();
  site = copied.site;
  profile = temp.dir;
  cleanups = [copied.cleanup, temp.cleanup];
});
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

async function startHost(): Promise<{
  child: ChildProcess;
  call: (name: string, args: unknown) => Promise<Outcome>;
}> {
  const child = spawn(
    process.execPath,
    [hostScript, '--site', site, '--port', '0', '--user-data-dir', profile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const address = await new Promise<URL>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('http://'));
      if (line) resolve(new URL(line.trim()));
    });
    child.once('exit', (code) => reject(new Error(`postdesk-web exited with ${code}: ${output}`)));
  });
  const token = new URLSearchParams(address.hash.slice(1)).get('token') ?? '';
  const call = async (name: string, args: unknown): Promise<Outcome> => {
    const response = await fetch(`${address.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-postdesk-token': token },
      body: JSON.stringify(args),
    });
    return (await response.json()) as Outcome;
  };
  return { child, call };
}

describe('crash recovery across a killed host', () => {
  it('finds the backup written before SIGKILL after a restart on the same profile', async () => {
    const id = 'content/posts/second-post.md';
    const first = await startHost();
    const read = await first.call('readPost', { id });
    expect(read.ok).toBe(true);
    const disk = (read as { ok: true; value: { text: string } }).value.text;
    expect(await first.call('backupBuffer', { id, text: `${disk}typed before the crash` })).toMatchObject({
      ok: true,
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      first.child.once('exit', (_code, signal) => resolve(signal)),
    );
    first.child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const second = await startHost();
    expect(await second.call('listBackups', {})).toEqual({
      ok: true,
      value: [{ id, text: `${disk}typed before the crash`, diskText: disk, savedAt: expect.any(String) }],
    });
    expect(await second.call('dropBackup', { id })).toEqual({ ok: true, value: { dropped: true } });
    expect(await second.call('listBackups', {})).toEqual({ ok: true, value: [] });
  });
});
