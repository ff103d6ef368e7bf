import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../../../electron/library/atomic-write';
import { isPostdeskTempFile } from '../../../../electron/library/atomic-write';
import { PostStore } from '../../../../electron/library/post-store';
import { tempDir } from '../../../support/temp-site';
import { faultTexts } from './fault/fault-texts';

const kills = Number(process.env.POSTDESK_FAULT_KILLS ?? 200);
let work: string;
let cleanup: () => Promise<void>;
let childScript: string;

beforeAll(async () => {
  ({ dir: work, cleanup } = await tempDir('postdesk-fault-'));
  work = await realpath(work);
  childScript = path.join(work, 'save-child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'fault', 'save-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
});
afterAll(() => cleanup());

async function makeSite(name: string, text: string): Promise<{ root: string; file: string }> {
  const root = path.join(work, name);
  await mkdir(path.join(root, 'content'), { recursive: true });
  const file = path.join(root, 'content', 'post.md');
  await writeFile(file, text);
  return { root, file };
}

const tempFilesIn = async (dir: string) => (await readdir(dir)).filter(isPostdeskTempFile);

/**
 * Starts the save loop (`loop`, or the non-atomic control `naive-loop`) and SIGKILLs it `delayMs`
 * after it said it is running; resolves once it is gone, with whether the kill landed inside a write
 * (the child's last marker was `start`).
 */
function killSaveLoop(root: string, delayMs: number, mode = 'loop'): Promise<{ insideWrite: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, mode, root, 'content/post.md'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.once('error', reject);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (output === '') setTimeout(() => child.kill('SIGKILL'), delayMs);
      output += chunk;
    });
    child.once('close', () => {
      const markers = output.split('\n').filter((line) => line === 'start' || line === 'end');
      resolve({ insideWrite: markers.at(-1) === 'start' });
    });
  });
}

/** A seeded generator of kill delays, so a run can be repeated. */
function delays(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * 25);
  };
}

describe('fault injection', () => {
  it(`SIGKILLs a process saving in a loop ${kills} times: the post is always the old or the new bytes`, async () => {
    const [oldText, newText] = faultTexts;
    const { root, file } = await makeSite('kill-site', oldText);
    const store = new PostStore(root);
    const delay = delays(20261127);
    const seen = { old: 0, new: 0, strayTemps: 0, insideWrite: 0 };
    for (let round = 0; round < kills; round++) {
      const kill = await killSaveLoop(root, delay());
      if (kill.insideWrite) seen.insideWrite++;
      const text = await readFile(file, 'utf8');
      expect(text === oldText || text === newText, `round ${round}: the post is whole`).toBe(true);
      if (text === oldText) seen.old++;
      else seen.new++;
      seen.strayTemps += (await tempFilesIn(path.dirname(file))).length;
      const post = await store.read('content/post.md');
      expect(post.text).toBe(text);
      expect(await tempFilesIn(path.dirname(file)), `round ${round}: temp files removed on open`).toEqual([]);
    }
    console.log(
      `fault injection: ${kills} SIGKILLs; the post was the old version ${seen.old} times and the new ` +
        `${seen.new} times, never torn; ${seen.insideWrite} kills landed inside a save; ` +
        `${seen.strayTemps} stray temp files found and removed on the next open`,
    );
    expect(seen.old + seen.new).toBe(kills);
    // The test proves something only if it saw both versions and killed saves mid-write.
    expect(seen.old, 'some kills left the old version').toBeGreaterThan(0);
    expect(seen.new, 'some kills left the new version').toBeGreaterThan(0);
    expect(seen.insideWrite, 'some kills landed inside the write window').toBeGreaterThan(0);
  }, 300_000);

  it('positive control: the same kills tear a non-atomic writer (so the test above can fail)', async () => {
    const [oldText, newText] = faultTexts;
    const { file, root } = await makeSite('naive-site', oldText);
    const delay = delays(20261202);
    let torn = 0;
    let rounds = 0;
    while (torn === 0 && rounds < 100) {
      rounds++;
      await killSaveLoop(root, delay(), 'naive-loop');
      const text = await readFile(file, 'utf8');
      if (text !== oldText && text !== newText) torn++;
    }
    console.log(`fault injection control: the non-atomic writer tore after ${rounds} SIGKILLs`);
    expect(torn, 'a non-atomic writer must tear under SIGKILL').toBe(1);
  }, 120_000);

  it('a full disk (ENOSPC) mid-write, injected through the fs layer, leaves the original and answers io', async () => {
    const original = '---\ntitle: Keep me\n---\nBody\n';
    const { root, file } = await makeSite('enospc-injected', original);
    const failing: AtomicFs = {
      ...(await import('node:fs/promises')),
      open: (async (target: string, flags: string, mode?: number) => {
        const fs = await import('node:fs/promises');
        const handle = await fs.open(target, flags, mode);
        return Object.assign(
          Object.create(Object.getPrototypeOf(handle) as object) as typeof handle,
          handle,
          {
            writeFile: async (data: string | Uint8Array) => {
              await handle.write(Buffer.from(data).subarray(0, 10));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            },
            sync: () => handle.sync(),
            chmod: (m: number) => handle.chmod(m),
            close: () => handle.close(),
          },
        );
      }) as AtomicFs['open'],
    };
    const store = new PostStore(root, failing);
    const post = await store.read('content/post.md');
    await expect(store.save('content/post.md', `${original}more`, post.revision)).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/disk is full.*not changed/),
    });
    expect(await readFile(file, 'utf8')).toBe(original);
    expect(await tempFilesIn(path.dirname(file))).toEqual([]);
  });

  it('a denied write (EACCES), injected through the fs layer, leaves the original and answers io', async () => {
    const original = '---\ntitle: Keep me too\n---\nBody\n';
    const { root, file } = await makeSite('eacces-injected', original);
    const denied: AtomicFs = {
      ...(await import('node:fs/promises')),
      rename: async () => {
        throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
      },
    };
    const store = new PostStore(root, denied);
    const post = await store.read('content/post.md');
    await expect(store.save('content/post.md', 'changed', post.revision)).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/permission was denied/),
    });
    expect(await readFile(file, 'utf8')).toBe(original);
    expect(await tempFilesIn(path.dirname(file))).toEqual([]);
  });

  it('a real read-only folder (EACCES): as root the save runs in a child as user nobody', async () => {
    const original = '---\ntitle: Read-only folder\n---\nBody\n';
    const { root, file } = await makeSite('eacces-real', original);
    await chmod(work, 0o755);
    await chmod(root, 0o755);
    await chmod(path.join(root, 'content'), 0o555);
    await chmod(file, 0o444);
    await chmod(childScript, 0o644);
    try {
      const asRoot = process.getuid?.() === 0;
      const output = execFileSync(
        process.execPath,
        [childScript, 'once', root, 'content/post.md', 'changed'],
        {
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
          encoding: 'utf8',
        },
      );
      const outcome = JSON.parse(output) as { ok: boolean; code?: string; message?: string };
      expect(outcome).toMatchObject({ ok: false, code: 'io' });
      expect(outcome.message).toMatch(/permission was denied/);
      expect(await readFile(file, 'utf8')).toBe(original);
      expect(await tempFilesIn(path.dirname(file))).toEqual([]);
    } finally {
      await chmod(path.join(root, 'content'), 0o755);
    }
  });

  it('a real full file system (ENOSPC) on a tiny tmpfs, where this process may mount one', async (context) => {
    const mountPoint = path.join(work, 'tiny-fs');
    await mkdir(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      console.log(
        'fault injection: skipped the real ENOSPC test: this process cannot mount a tmpfs (needs root).',
      );
      context.skip();
      return;
    }
    try {
      const original = '---\ntitle: On a tiny disk\n---\nBody\n';
      const root = await realpath(mountPoint);
      await mkdir(path.join(root, 'content'));
      const file = path.join(root, 'content', 'post.md');
      await writeFile(file, original);
      const store = new PostStore(root);
      const post = await store.read('content/post.md');
      await expect(
        store.save('content/post.md', `${original}${'x'.repeat(400 * 1024)}`, post.revision),
      ).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/disk is full/) });
      expect(await readFile(file, 'utf8')).toBe(original);
      expect(await tempFilesIn(path.dirname(file))).toEqual([]);
    } finally {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    }
  });
});
