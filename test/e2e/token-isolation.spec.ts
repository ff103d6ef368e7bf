import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

// The browser mode's token never reaches another origin: a second server on another loopback port
// (cookies ignore ports) counts what it receives while a preview link to it is opened and posts whose
// CSS and images aim at it and at the host's /api/ are previewed. It must see the link's one request,
// with no token bytes, no cookie and no Referer; post content must start no /api/ request at all,
// and saving must keep working (the browser's few connections are not held by /api/events loads).

const saveKey = process.platform === 'darwin' ? 'Meta+S' : 'Control+S';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
}

test('a preview link and hostile CSS deliver no token and no request to another local server', async ({
  page,
  site,
  mode,
}) => {
  test.skip(mode !== 'web', 'the token exists only in the browser mode');
  const seen: Seen[] = [];
  const canary = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
    request.on('end', () => {
      const raw = `${request.method} ${request.url}\n${JSON.stringify(request.rawHeaders)}\n${body}`;
      seen.push({ url: request.url ?? '', headers: request.headers, raw });
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>canary</title>');
    });
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  const other = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  try {
    const token = await page.evaluate(() => sessionStorage.getItem('postdesk-token'));
    expect(token?.length ?? 0).toBeGreaterThan(20);
    expect(page.url()).not.toContain(token ?? '');
    const origin = new URL(page.url()).origin;
    const apiFromFrames: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${origin}/api/`) && request.frame() !== page.mainFrame()) {
        apiFromFrames.push(request.url());
      }
    });

    const hostile = [
      '---',
      'title: Hostile CSS',
      '---',
      '<style>body{background:url(/api/events?css=1)} h2{background:url(' + other + '/css-bg)}',
      `@font-face{font-family:x;src:url(/api/events?font=1)} @import url(${other}/import.css);</style>`,
      ...Array.from(
        { length: 8 },
        (_, index) => `<p style="background:url(/api/events?n=${index})">p${index}</p>`,
      ),
      `<img src="/api/events?img=1" alt="a"> <img src="${other}/img.png" alt="b">`,
      `<link rel="stylesheet" href="/api/events?link=1">`,
      '',
      `[the other server](${other}/clicked)`,
      '',
    ].join('\n');
    await writeFile(path.join(site, 'content', 'posts', 'hostile-css.md'), hostile);
    const list = page.getByRole('listbox', { name: 'Posts' });
    await expect(list.getByRole('option', { name: /Hostile CSS/ })).toBeVisible({ timeout: 10_000 });
    await list.getByRole('option', { name: /Hostile CSS/ }).click();
    const preview = page.frameLocator('iframe[title="Preview"]');
    await expect(preview.locator('body')).toContainText('p7');

    // Saving still answers: /api/events loads from the post would have held every connection.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Saved after the hostile preview.');
    await page.keyboard.press(saveKey);
    await expect(page.getByRole('status')).toHaveText('Saved');
    expect(await readFile(path.join(site, 'content', 'posts', 'hostile-css.md'), 'utf8')).toContain(
      'Saved after the hostile preview.',
    );

    const opened = page.context().waitForEvent('page');
    await preview.getByRole('link', { name: 'the other server' }).click();
    const tab = await opened;
    await expect.poll(() => seen.map((request) => request.url)).toContain('/clicked');
    await tab.close();

    const urls = seen.map((request) => request.url);
    console.log(`the other server received ${seen.length} request(s): ${urls.join(', ')}`);
    expect(urls.filter((url) => url !== '/clicked' && url !== '/favicon.ico')).toEqual([]);
    const everything = seen.map((request) => request.raw).join('\n');
    expect(everything).not.toContain(token ?? 'no token');
    for (const request of seen) {
      expect(request.headers.cookie).toBeUndefined();
      // The opened tab's own favicon request names the tab; nothing may name the Postdesk page.
      if (request.url === '/clicked') expect(request.headers.referer).toBeUndefined();
      expect(request.headers.referer ?? '').not.toContain(origin);
    }
    expect(apiFromFrames).toEqual([]);
  } finally {
    await new Promise((resolve) => canary.close(resolve));
  }
});
