// The package test: builds what electron-builder can build offline (the `dir` target, and tar.gz
// with Debian's 7za where it is installed) and checks what ships in app.asar. Electron's own dist is
// used when the electron package has its binary; otherwise a folder holding a placeholder
// executable stands in for it, which is never run and never claimed to be Electron.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredTool } from '../support/required-tool';

const root = path.resolve(__dirname, '..', '..');
const linux = process.platform === 'linux';
const sevenZip = '/usr/bin/7za';

function realElectronDist(): string | null {
  try {
    const binary = createRequire(__filename)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? path.dirname(binary) : null;
  } catch {
    return null;
  }
}

// js-yaml 3 (inside gray-matter) tries require('esprima') in a try/catch, for the unsafe
// !!js/function tag only; without it that tag is simply unsupported. Nothing else may stay external.
const optionalRequires = new Set(['esprima']);

const realDist = realElectronDist();
if (!realDist) {
  console.log(
    '[postdesk] package test: the Electron binary is not installed, so the app folder is built around a placeholder executable (a shell script printing "placeholder, not Electron"); it is never run, and the fuse check skips: fuses live in the real Electron binary.',
  );
}

let work: string;
let output: string;
let seconds = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'postdesk-package-'));
  output = path.join(work, 'dist');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // Vitest runs this with NODE_ENV=test: the build must still ship React's production build (a
  // development build once reached the e2e suite this way and opened no dialog under StrictMode).
  const assets = path.join(root, 'out', 'renderer', 'assets');
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const name of scripts) {
    expect(await readFile(path.join(assets, name), 'utf8'), name).not.toContain(
      'react.dev/link/react-devtools',
    );
  }
  let dist = realDist;
  if (!dist) {
    dist = path.join(work, 'placeholder-electron-dist');
    await mkdir(dist, { recursive: true });
    const placeholder = path.join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron');
    await writeFile(placeholder, '#!/bin/sh\necho "placeholder, not Electron"\nexit 1\n');
    await chmod(placeholder, 0o755);
  }
  const targets = linux ? ['--linux', 'dir', ...(existsSync(sevenZip) ? ['tar.gz'] : [])] : ['--dir'];
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'build/electron-builder.yml',
      ...targets,
      `-c.electronDist=${dist}`,
      `-c.directories.output=${output}`,
      '--publish',
      'never',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_BUILDER_7ZIP_PATH: sevenZip, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      timeout: 240_000,
    },
  );
  seconds = (Date.now() - started) / 1000;
  console.log(`[postdesk] package test: electron-builder ${targets.join(' ')} took ${seconds.toFixed(1)} s`);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const unpacked = (): string =>
  path.join(
    output,
    process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'win-unpacked' : 'linux-unpacked',
  );
const asarPath = (): string =>
  process.platform === 'darwin'
    ? path.join(unpacked(), 'Postdesk.app', 'Contents', 'Resources', 'app.asar')
    : path.join(unpacked(), 'resources', 'app.asar');

describe('the packaged app', () => {
  it('holds the main, preload and renderer bundles and the sample site in app.asar', () => {
    const files = listPackage(asarPath(), { isPack: false }).map((file) => file.split(path.sep).join('/'));
    for (const needed of [
      '/package.json',
      '/out/electron/main.cjs',
      '/out/electron/preload.cjs',
      '/out/renderer/index.html',
      '/out/sample-site/hugo.toml',
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((file) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
  });

  it('holds no tests, source maps, sources, dev files or node_modules', () => {
    const files = listPackage(asarPath(), { isPack: false }).map((file) => file.split(path.sep).join('/'));
    const unwanted = files.filter((file) =>
      /node_modules|\/test\/|\.map$|\.tsx?$|\.mts$|tsconfig|eslint|vite\.config|\.github|\/out\/bench|\/out\/web|\/out\/test-results|\/electron\/|\/renderer\/features|\/shared\//.test(
        file.replace(/^\/out\/(electron|renderer)\//, '/out/$1-bundle/'),
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('carries the right metadata: name, product name, version, main entry, no runtime dependencies', () => {
    const metadata = JSON.parse(extractFile(asarPath(), 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(metadata).toMatchObject({
      name: 'postdesk',
      productName: 'Postdesk',
      version: '0.1.0',
      main: 'out/electron/main.cjs',
    });
    expect(Object.keys((metadata.dependencies as object | undefined) ?? {})).toEqual([]);
    const main = extractFile(asarPath(), 'out/electron/main.cjs').toString('utf8');
    const required = [...main.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    const external = required.filter(
      (name) =>
        name &&
        name !== 'electron' &&
        !optionalRequires.has(name) &&
        !name.startsWith('node:') &&
        !builtinModules.includes(name),
    );
    expect(external).toEqual([]);
    expect(required.filter((name) => name === 'electron')).not.toHaveLength(0);
  });

  it.runIf(linux)('names the Linux executable postdesk and packs the tar.gz with the same app', () => {
    expect(existsSync(path.join(unpacked(), 'postdesk'))).toBe(true);
    if (!requiredTool(sevenZip, "the package test's tar.gz check")) return;
    const tarball = path.join(output, 'postdesk-0.1.0.tar.gz');
    expect(existsSync(tarball)).toBe(true);
    const listing = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing).toContain('postdesk-0.1.0/resources/app.asar');
    expect(listing).toContain('postdesk-0.1.0/postdesk');
  });

  it.runIf(realDist !== null)('has the fuses set (read back from the real Electron binary)', async () => {
    const executable =
      process.platform === 'darwin'
        ? path.join(unpacked(), 'Postdesk.app')
        : path.join(unpacked(), process.platform === 'win32' ? 'Postdesk.exe' : 'postdesk');
    const wire = await getCurrentFuseWire(executable);
    // The fuse wire stores each fuse as an ASCII digit: '0' disabled, '1' enabled.
    const disabled = '0'.charCodeAt(0);
    const enabled = '1'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(disabled);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(disabled);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(disabled);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(enabled);
  });
});
