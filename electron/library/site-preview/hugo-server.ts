import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { SiteInfo } from '../../../shared/api';
import type { SitePreviewState } from '../../../shared/api-site-preview';
import { hugoConfigFile, postUrl } from './preview-facts';

const startTimeoutMs = 30_000;
const rebuildTimeoutMs = 5_000;
const maxErrors = 20;

/** A free loopback port (the kernel's pick). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** TOML basic string. */
const tomlString = (value: string): string => JSON.stringify(value);

/**
 * The config overlay Hugo reads after the site's own: a shadow content folder mounted before the
 * real one (its files win), and Hugo's generated resources kept in the temp folder.
 */
export function overlayConfig(shadowDir: string, contentDir: string, resourceDir: string): string {
  return [
    `resourceDir = ${tomlString(resourceDir)}`,
    '[[module.mounts]]',
    `source = ${tomlString(shadowDir)}`,
    'target = "content"',
    '[[module.mounts]]',
    `source = ${tomlString(contentDir)}`,
    'target = "content"',
    '',
  ].join('\n');
}

/** The page URL path of a post, honouring a `url:` or `slug:` line in its front matter. */
export function pagePath(
  id: string,
  text: string,
  info: Pick<SiteInfo, 'generator' | 'contentDirs'>,
): string {
  const header = text.slice(0, 4096);
  const url = /^url\s*[:=]\s*["']?([^"'\n]+?)["']?\s*$/m.exec(header);
  if (url?.[1]?.startsWith('/')) return url[1];
  const computed = postUrl(id, info);
  const slug = /^slug\s*[:=]\s*["']?([A-Za-z0-9._~-]+)["']?\s*$/m.exec(header);
  if (slug?.[1] && computed !== '/') return computed.replace(/[^/]+\/$/, `${slug[1]}/`);
  return computed;
}

/**
 * One `hugo server` for one site, on loopback, serving from memory with its output, cache and
 * resources in a temp folder (never in the site) and no live-reload script. The editor's text of
 * the shown post goes to a shadow copy mounted over the content folder, so unsaved text renders
 * through the real theme without touching the site.
 */
export class HugoServer {
  private child: ChildProcess | null = null;
  private temp: string | null = null;
  private port = 0;
  private builds = 0;
  private errors: string[] = [];
  private starting: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private lastShadow = new Map<string, string>();
  private exited: string | null = null;

  constructor(
    private readonly info: SiteInfo,
    private readonly command = 'hugo',
  ) {}

  /** Writes `text` as the shadow of post `id`, waits for the rebuild, and answers the page's URL. */
  async show(id: string, text: string): Promise<SitePreviewState> {
    await this.start();
    if (this.exited !== null || !this.temp) {
      return { status: 'failed', message: this.exited ?? 'hugo server stopped.', errors: [...this.errors] };
    }
    const contentDir = this.info.contentDirs[0] ?? 'content';
    const prefix = contentDir === '.' ? '' : `${contentDir}/`;
    if (!id.startsWith(prefix) || id.split('/').includes('..') || id.includes('\u0000')) {
      return { status: 'failed', message: `${id} is not in the content folder.`, errors: [] };
    }
    if (this.lastShadow.get(id) !== text) {
      const target = path.join(this.temp, 'shadow', ...id.slice(prefix.length).split('/'));
      const rebuilt = this.nextBuild();
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, text);
      this.lastShadow.set(id, text);
      await rebuilt;
    }
    return {
      status: 'ready',
      url: `http://127.0.0.1:${this.port}${pagePath(id, text, this.info)}`,
      build: this.builds,
      errors: [...this.errors],
    };
  }

  /** Starts the server once (later calls wait for the same start). */
  private start(): Promise<void> {
    this.starting ??= this.launch();
    return this.starting;
  }

  private async launch(): Promise<void> {
    const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'postdesk-hugo-'));
    this.temp = temp;
    const shadow = path.join(temp, 'shadow');
    await fs.mkdir(shadow, { recursive: true });
    const contentDir = path.join(this.info.root, this.info.contentDirs[0] ?? 'content');
    const overlay = path.join(temp, 'overlay.toml');
    await fs.writeFile(overlay, overlayConfig(shadow, contentDir, path.join(temp, 'resources')));
    const own = await hugoConfigFile(this.info.root);
    const configs = own === null ? overlay : `${path.join(this.info.root, own)},${overlay}`;
    this.port = await freePort();
    const args = [
      'server',
      '--source',
      this.info.root,
      '--config',
      configs,
      '--bind',
      '127.0.0.1',
      '--port',
      String(this.port),
      '--baseURL',
      'http://127.0.0.1/',
      '--destination',
      path.join(temp, 'public'),
      '--cacheDir',
      path.join(temp, 'cache'),
      '--noBuildLock',
      '--disableLiveReload',
      '--disableBrowserError',
      '--buildDrafts',
      '--buildFuture',
    ];
    const child = spawn(this.command, args, {
      cwd: temp,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HUGO_ENVIRONMENT: 'development' },
    });
    this.child = child;
    // Should the host exit without stopping the site, the server goes with it.
    const killOnExit = (): void => void child.kill('SIGTERM');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.exited ??= 'hugo server did not start in time.';
        resolve();
      }, startTimeoutMs);
      const onLine = (line: string): void => {
        if (/ERROR|Error:/.test(line)) {
          this.errors.push(line.trim().slice(0, 500));
          if (this.errors.length > maxErrors) this.errors.shift();
        }
        if (/^Total in|^Built in/.test(line.trim())) {
          this.builds++;
          if (!/ERROR/.test(line)) this.errors = this.errors.filter((error) => !error.startsWith('Change'));
          for (const waiter of this.waiters.splice(0)) waiter();
        }
        if (/Web Server is available at/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      };
      let buffered = '';
      const onData = (chunk: Buffer): void => {
        buffered += chunk.toString('utf8');
        let newline = buffered.indexOf('\n');
        while (newline !== -1) {
          onLine(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
          newline = buffered.indexOf('\n');
        }
        if (buffered.length > 65536) buffered = '';
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => {
        this.exited = `hugo could not start: ${error.message}`;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        this.exited ??= `hugo server exited (code ${code ?? 'none'}).`;
        this.child = null;
        for (const waiter of this.waiters.splice(0)) waiter();
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves at the next build the server reports (or after a timeout). */
  private nextBuild(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, rebuildTimeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops the server and removes its temp folder. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // Removing our own temporary folder on stop: the OS cleans its temp folder if this fails.
    if (this.temp) await fs.rm(this.temp, { recursive: true, force: true }).catch(() => undefined);
    this.temp = null;
  }
}
