import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { createLibrary, type Library } from '../../../electron/library/library-service';
import { copyFixtureSite, tempDir } from '../../support/temp-site';

let site: string;
let cleanups: Array<() => Promise<void>>;
let library: Library;
let host: WebHost;

/** A raw HTTP request, so tests can set any Host header and see every response header. */
function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(method: string, args: unknown, headers: Record<string, string> = {}) {
  return request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-postdesk-token': host.token, ...headers },
    body: JSON.stringify(args),
  });
}

beforeEach(async () => {
  const copy = await copyFixtureSite('hugo-basic');
  site = copy.site;
  const renderer = await tempDir();
  await writeFile(path.join(renderer.dir, 'index.html'), '<!doctype html><title>Postdesk</title>');
  cleanups = [copy.cleanup, renderer.cleanup];
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  host = await startWebHost({ library, rendererDir: renderer.dir });
});
afterEach(async () => {
  await host.close();
  await library.close();
  for (const cleanup of cleanups) await cleanup();
});

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a tokened URL', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=.{20,}$`));
  });

  it('answers 401 without the token, or with a wrong one, on every route', async () => {
    for (const route of ['/', '/index.html', '/api/events']) {
      expect((await request({ path: route })).status).toBe(401);
    }
    expect((await call('listPosts', {}, { 'x-postdesk-token': 'wrong' })).status).toBe(401);
    expect((await request({ method: 'POST', path: '/api/listPosts', body: '{}' })).status).toBe(401);
  });

  it('serves the page with the token in the query and sets an HttpOnly, SameSite=Strict cookie', async () => {
    const page = await request({ path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Postdesk</title>');
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = page.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    expect((await request({ path: '/', headers: { cookie } })).status).toBe(200);
  });

  it('refuses a Host header that is not a loopback name (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${'1'}`, '127.0.0.1.evil.example', '10.0.0.1']) {
      const response = await request({ path: `/?token=${host.token}`, headers: { host: hostHeader } });
      expect(response.status).toBe(421);
    }
    const ok = await request({ path: `/?token=${host.token}`, headers: { host: `localhost:${host.port}` } });
    expect(ok.status).toBe(200);
  });

  it('refuses cross-origin calls and never sends CORS headers', async () => {
    const cross = await call('listPosts', {}, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const same = await call('listPosts', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(same.status).toBe(200);
    for (const response of [cross, same]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const preflight = await request({
      method: 'OPTIONS',
      path: '/api/listPosts',
      headers: { origin: 'https://evil.example' },
    });
    expect(preflight.status).toBe(403);
  });

  it('carries the contract: list, read, save, with validation and error codes', async () => {
    const list = JSON.parse((await call('listPosts', {})).body);
    expect(list.ok).toBe(true);
    expect(list.value).toHaveLength(3);
    const read = JSON.parse((await call('readPost', { id: 'content/posts/second-post.md' })).body);
    expect(read.value.text).toContain('Second heading');
    const saved = JSON.parse(
      (
        await call('savePost', {
          id: 'content/posts/second-post.md',
          text: 'new',
          baseRevision: read.value.revision,
        })
      ).body,
    );
    expect(saved.ok).toBe(true);
    const stale = JSON.parse(
      (
        await call('savePost', {
          id: 'content/posts/second-post.md',
          text: 'again',
          baseRevision: read.value.revision,
        })
      ).body,
    );
    expect(stale.error.code).toBe('conflict');
    const invalid = JSON.parse((await call('readPost', { id: 42 })).body);
    expect(invalid.error.code).toBe('invalid-argument');
    const unknown = JSON.parse((await call('deleteEverything', {})).body);
    expect(unknown.error.code).toBe('unknown-method');
  });

  it('keeps every path argument inside the site', async () => {
    await mkdir(`${site}-evil`, { recursive: true });
    await writeFile(`${site}-evil/secret.md`, 'secret');
    const ids = [
      '../hugo-basic-evil/secret.md',
      '/etc/passwd',
      'content/../../x.md',
      'content\\..\\..\\x.md',
      'a\u0000b',
    ];
    for (const id of ids) {
      const outcome = JSON.parse((await call('readPost', { id })).body);
      expect(outcome.ok, id).toBe(false);
      expect(['path-refused', 'invalid-argument']).toContain(outcome.error.code);
    }
    const write = JSON.parse(
      (await call('savePost', { id: '../escape.md', text: 'x', baseRevision: null })).body,
    );
    expect(write.error.code).toBe('path-refused');
  });

  it('serves renderer files only from the renderer folder', async () => {
    const traversal = await request({ path: `/..%2f..%2fetc%2fpasswd?token=${host.token}` });
    expect(traversal.status).toBe(404);
  });

  it('serves site images through the token-checked asset route, inside the site only', async () => {
    const image = await request({
      path: `/asset/static/images/blog/first-post/photo.png?token=${host.token}`,
    });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect((await request({ path: '/asset/static/images/blog/first-post/photo.png' })).status).toBe(401);
    const markdown = await request({ path: `/asset/content/posts/first-post.md?token=${host.token}` });
    expect(markdown.status).toBe(403);
    const climb = await request({
      path: `/asset/static/..%2f..%2f..%2fetc%2fpasswd.png?token=${host.token}`,
    });
    expect(climb.status).toBe(403);
    expect((await request({ path: `/asset/static/missing.png?token=${host.token}` })).status).toBe(404);
  });

  it('streams the library events to an authorised client', async () => {
    const live = createLibrary();
    await live.handlers.openSite({ path: site });
    const liveHost = await startWebHost({ library: live, rendererDir: site });
    cleanups.push(async () => {
      await liveHost.close();
      await live.close();
    });
    let connected: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (connected = resolve));
    const stream = new Promise<string>((resolve) => {
      http.get(
        { host: '127.0.0.1', port: liveHost.port, path: `/api/events?token=${liveHost.token}` },
        (res) => {
          connected();
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
            if (body.includes('event: postChanged')) {
              res.destroy();
              resolve(body);
            }
          });
        },
      );
    });
    // The stream is open (its headers came back) and the watcher is watching: no sleep needed.
    await Promise.all([opened, live.session().ready()]);
    await writeFile(path.join(site, 'content/posts/new-outside.md'), '---\ntitle: Outside\n---\n');
    const text = await stream;
    expect(text).toContain('"id":"content/posts/new-outside.md"');
    expect(text).toContain('"kind":"added"');
  });
});
