import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../../electron/host/web-host';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { assetExpiry, assetSignature } from '../../../../shared/asset-signature';
import { copyFixtureSite, tempDir } from '../../../support/temp-site';

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
    // The token rides in the fragment: browsers never send a fragment to any server.
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=.{20,}$`));
  });

  it('answers 401 without the token, or with a wrong one, on every route that holds data', async () => {
    for (const route of ['/api/events', '/api/listPosts', '/asset/static/images/blog/first-post/photo.png']) {
      expect((await request({ path: route })).status).toBe(401);
    }
    expect((await call('listPosts', {}, { 'x-postdesk-token': 'wrong' })).status).toBe(401);
    expect((await request({ method: 'POST', path: '/api/listPosts', body: '{}' })).status).toBe(401);
  });

  it('serves the page without any secret and sets no cookie: the token is taken only from a header', async () => {
    // A cookie would be sent by the browser to every server on 127.0.0.1, whatever its port.
    const page = await request({ path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Postdesk</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toContain(host.token);
    const byQuery = await request({ method: 'POST', path: `/api/listPosts?token=${host.token}`, body: '{}' });
    expect(byQuery.status).toBe(401);
    const byCookie = await request({
      method: 'POST',
      path: '/api/listPosts',
      headers: { 'content-type': 'application/json', cookie: `postdesk-token-${host.port}=${host.token}` },
      body: '{}',
    });
    expect(byCookie.status).toBe(401);
    expect((await call('listPosts', {})).status).toBe(200);
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

  it('serves site images through the signature-checked asset route, inside the site only', async () => {
    const signed = (id: string, expiry = assetExpiry(Date.now()), secret = host.token): string =>
      `/asset/${id}?exp=${expiry}&sig=${assetSignature(secret, decodeURIComponent(id), expiry)}`;
    const image = await request({ path: signed('static/images/blog/first-post/photo.png') });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect((await request({ path: '/asset/static/images/blog/first-post/photo.png' })).status).toBe(401);
    // The token itself in the query opens nothing; a signature opens only its own file, until it expires.
    const byToken = await request({
      path: `/asset/static/images/blog/first-post/photo.png?token=${host.token}`,
    });
    expect(byToken.status).toBe(401);
    const other = signed('static/images/blog/first-post/photo.png').replace('photo.png?', 'other.png?');
    expect((await request({ path: other })).status).toBe(401);
    const expired = signed('static/images/blog/first-post/photo.png', Date.now() - 1000);
    expect((await request({ path: expired })).status).toBe(401);
    const tooLong = signed('static/images/blog/first-post/photo.png', Date.now() + 24 * 3600 * 1000);
    expect((await request({ path: tooLong })).status).toBe(401);
    const forged = signed('static/images/blog/first-post/photo.png', undefined, 'not-the-token');
    expect((await request({ path: forged })).status).toBe(401);
    const markdown = await request({ path: signed('content/posts/first-post.md') });
    expect(markdown.status).toBe(403);
    const climb = await request({ path: signed('static/..%2f..%2f..%2fetc%2fpasswd.png') });
    expect(climb.status).toBe(403);
    expect((await request({ path: signed('static/missing.png') })).status).toBe(404);
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
        {
          host: '127.0.0.1',
          port: liveHost.port,
          path: '/api/events',
          headers: { 'x-postdesk-token': liveHost.token },
        },
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
