import { readFileSync } from 'node:fs';
import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../../electron/host/web-host';
import { maxLargeRequests, smallBodyLimit } from '../../../../electron/host/request-limits';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { copyFixtureSite, tempDir } from '../../../support/temp-site';

// The web host's request limits (a body size per method, enforced while the body streams in, and at
// most a few large bodies at once) and the raw hostile requests of test/fixtures/hostile/raw-requests.json.

interface RawRequest {
  id: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  repeat?: number;
  fill?: string;
  chunked?: boolean;
  status: number;
  code?: string;
}

const corpus = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'hostile', 'raw-requests.json'), 'utf8'),
) as { requests: RawRequest[] };

let site: string;
let library: Library;
let host: WebHost;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const copy = await copyFixtureSite('hugo-basic');
  site = copy.site;
  cleanups.push(copy.cleanup);
  const renderer = await tempDir();
  cleanups.push(renderer.cleanup);
  await writeFile(path.join(renderer.dir, 'index.html'), '<!doctype html>');
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  host = await startWebHost({ library, rendererDir: renderer.dir });
});
afterAll(async () => {
  await host.close();
  await library.close();
  for (const cleanup of cleanups) await cleanup();
});

interface Answer {
  status: number;
  body: string;
}

/** Sends a request; with `hold`, writes `body` and keeps the request open until `release()` is called. */
function send(options: {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  hold?: boolean;
}): { answer: Promise<Answer>; release: () => void } {
  let request!: http.ClientRequest;
  const answer = new Promise<Answer>((resolve) => {
    request = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    // The host may answer and drop the connection before the whole body is sent.
    request.on('error', () => undefined);
  });
  if (options.body !== undefined) request.write(options.body);
  if (!options.hold) request.end();
  return { answer, release: () => request.end() };
}

const fill = (text: string): string =>
  text.replaceAll('{{TOKEN}}', host.token).replaceAll('{{PORT}}', String(host.port));

describe('raw hostile requests', () => {
  it.each(corpus.requests.map((request) => [request.id, request] as const))(
    '%s is answered as it must be',
    async (_id, raw) => {
      const headers = Object.fromEntries(
        Object.entries(raw.headers).map(([key, value]) => [key, fill(value)]),
      );
      if (!('host' in headers)) headers.host = `127.0.0.1:${host.port}`;
      if (raw.chunked) headers['transfer-encoding'] = 'chunked';
      const body =
        raw.repeat !== undefined ? (raw.fill ?? ' ').repeat(raw.repeat) : raw.body && fill(raw.body);
      const { answer } = send({ method: raw.method, path: fill(raw.path), headers, body });
      const { status, body: text } = await answer;
      expect(status, text).toBe(raw.status);
      if (raw.code !== undefined)
        expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: raw.code } });
      if (status === 413)
        expect(JSON.parse(text).error.message).toMatch(/too large: \w+ accepts at most \d+ MB/);
    },
  );

  it('left the site as it was', async () => {
    expect(await readFile(path.join(site, 'hugo.toml'), 'utf8')).toContain('Fixture Site');
  });
});

describe('request limits', () => {
  const json = { 'content-type': 'application/json', 'x-postdesk-token': '' };
  const headers = (): Record<string, string> => ({ ...json, 'x-postdesk-token': host.token });

  it('refuses a small method body over its limit while it streams in, and answers the next call', async () => {
    const { answer } = send({
      method: 'POST',
      path: '/api/readPost',
      headers: { ...headers(), 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(smallBodyLimit + 1024, 0x20),
      hold: true,
    });
    const refused = await answer;
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.message).toBe(
      'The request is too large: readPost accepts at most 2 MB.',
    );
    const next = await send({ method: 'POST', path: '/api/listPosts', headers: headers(), body: '{}' })
      .answer;
    expect(JSON.parse(next.body)).toMatchObject({ ok: true });
  });

  it('lets an image import send a large body', async () => {
    const data = Buffer.alloc(6 * 1024 * 1024, 7).toString('base64');
    const body = JSON.stringify({ postId: 'content/posts/first-post.md', fileName: 'x.png', data });
    const { status, body: text } = await send({
      method: 'POST',
      path: '/api/importImage',
      headers: headers(),
      body,
    }).answer;
    expect(status).toBe(200);
    // Read whole and validated: the bytes are no image, which the library (not the limit) says.
    expect(JSON.parse(text).error.message).toMatch(/not an image/);
  });

  it(`reads at most ${maxLargeRequests} large bodies at once (503 for the next), then takes more again`, async () => {
    const large = Buffer.alloc(smallBodyLimit + 64 * 1024, 0x20);
    const held = Array.from({ length: maxLargeRequests }, () =>
      send({
        method: 'POST',
        path: '/api/savePost',
        headers: { ...headers(), 'transfer-encoding': 'chunked' },
        body: large,
        hold: true,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const extra = await send({
      method: 'POST',
      path: '/api/savePost',
      headers: { ...headers(), 'transfer-encoding': 'chunked' },
      body: large,
    }).answer;
    expect(extra.status).toBe(503);
    expect(JSON.parse(extra.body).error.message).toMatch(/busy with other large requests/);
    for (const request of held) request.release();
    const answers = await Promise.all(held.map((request) => request.answer));
    // Whole bodies of spaces are not JSON: read to the end and answered, not refused.
    for (const answer of answers) expect(answer.status).toBe(200);
    const after = await send({
      method: 'POST',
      path: '/api/savePost',
      headers: { ...headers(), 'transfer-encoding': 'chunked' },
      body: large,
    }).answer;
    expect(after.status).toBe(200);
  });
});
