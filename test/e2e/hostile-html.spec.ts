import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';

// page.evaluate callbacks run in the browser, but this file is type-checked for Node (no DOM lib):
// the browser globals they use are declared loosely here, for this module only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

interface Payload {
  id: string;
  group: string;
  modelledOn: string;
  body: string;
}

const corpus = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'fixtures', 'hostile', 'payloads.json'), 'utf8'),
) as { payloads: Payload[] };
const groups = [...new Set(corpus.payloads.map((payload) => payload.group))];

/**
 * A local HTTP server every payload URL points at: any request it gets is a failure. It also serves
 * `/control`, every raw HTML payload in a plain unsandboxed page (the positive control proving the
 * detectors can fire); requests for the control page itself are not hits.
 */
interface Canary {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

/** The control page: the raw (unsanitised) HTML payloads, as a careless app would show them. */
function controlPage(base: string): string {
  const bodies = corpus.payloads
    .filter((payload) => payload.group !== 'markdown')
    .map((payload) => payload.body.replaceAll('{{CANARY}}', base));
  return `<!doctype html><html><body>${bodies.join('\n')}</body></html>`;
}

async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  let base = '';
  const server = http.createServer((request, response) => {
    if (request.url === '/control') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(controlPage(base));
      return;
    }
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<script>top.__pwned = "canary"; alert("canary")</script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const postText = (payload: Payload, canary: string): string => {
  const body = payload.body.replaceAll('{{CANARY}}', canary);
  const frame =
    payload.group === 'markdown'
      ? [`Payload ${payload.id} follows.`, body, `End of ${payload.id}.`]
      : [`<p>Payload ${payload.id} follows.</p>`, body, `<p>End of ${payload.id}.</p>`];
  return `---\ntitle: "Hostile ${payload.id}"\n---\n${frame.join('\n\n')}\n`;
};

/** What the app and its preview look like when nothing hostile happened. */
async function expectUntouched(
  page: Page,
  appUrl: string,
  seen: { dialogs: string[]; popups: string[] },
): Promise<void> {
  const state = await page.evaluate(() => {
    const frame = document.querySelector('iframe[title="Preview"]');
    const inner = frame?.contentWindow;
    const doc = frame?.contentDocument;
    const attributes: string[] = [];
    for (const element of doc?.body.querySelectorAll('*') ?? []) {
      for (const attribute of element.getAttributeNames()) {
        const value = element.getAttribute(attribute) ?? '';
        if (attribute.startsWith('on') || /^\s*(javascript|vbscript|data:text|file):/i.test(value)) {
          attributes.push(`${element.tagName} ${attribute}=${value}`);
        }
      }
    }
    return {
      top: window.__pwned ?? null,
      inner: inner?.__pwned ?? null,
      frameUrl: inner?.location.href ?? null,
      dangerousTags: doc?.body.querySelectorAll(
        'script, iframe, frame, embed, object, form, meta, base, link, style, input, button, portal, webview',
      ).length,
      attributes,
    };
  });
  // What happened first (scripts, requests, dialogs, windows, navigation), then what is in the DOM.
  expect({ top: state.top, inner: state.inner }, 'markers set by a script').toEqual({
    top: null,
    inner: null,
  });
  expect(canary.hits, 'requests that reached the canary').toEqual([]);
  expect(seen.dialogs, 'dialogs opened').toEqual([]);
  expect(seen.popups, 'windows opened').toEqual([]);
  expect(page.url(), 'the app page navigated').toBe(appUrl);
  expect(state.frameUrl, 'the preview frame navigated').toBe('about:srcdoc');
  expect({ dangerousTags: state.dangerousTags, attributes: state.attributes }).toEqual({
    dangerousTags: 0,
    attributes: [],
  });
}

let canary: Canary;
test.beforeAll(async () => {
  canary = await startCanary();
});
test.afterAll(async () => {
  await canary.close();
});

test('positive control: the same payloads on an unsandboxed page set the markers, reach the canary and open dialogs', async ({
  page,
}) => {
  canary.hits.length = 0;
  const control = await page.context().newPage();
  const dialogs: string[] = [];
  control.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await control.goto(`${canary.base}/control`);
    await expect.poll(() => canary.hits.length, 'requests that reached the canary').toBeGreaterThan(0);
    await expect
      .poll(() => control.evaluate(() => window.__pwned ?? null), 'a marker set by a script')
      .not.toBeNull();
    await expect.poll(() => dialogs.length, 'dialogs opened').toBeGreaterThan(0);
  } finally {
    await control.close();
    canary.hits.length = 0;
  }
});

for (const group of groups) {
  const payloads = corpus.payloads.filter((payload) => payload.group === group);
  test(`hostile ${group} payloads (${payloads.length}) run no script, reach no URL, open nothing, navigate nowhere`, async ({
    page,
    site,
  }) => {
    test.setTimeout(120_000);
    canary.hits.length = 0;
    const dialogs: string[] = [];
    const popups: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.context().on('page', (opened) => popups.push(opened.url()));
    const appUrl = page.url();

    for (const payload of payloads) {
      await writeFile(
        path.join(site, 'content', 'posts', `hostile-${payload.id}.md`),
        postText(payload, canary.base),
      );
    }
    const list = page.getByRole('listbox', { name: 'Posts' });
    // The list shows only the rows in view: wait for the header's count, then find each by search.
    await expect(page.getByText(`${payloads.length + 3} posts`)).toBeVisible();
    const preview = page.frameLocator('iframe[title="Preview"]');

    for (const payload of payloads) {
      await test.step(`${payload.id} (${payload.modelledOn})`, async () => {
        await page.getByLabel('Search posts').fill(`Hostile ${payload.id}`);
        await list.getByRole('option', { name: `Hostile ${payload.id}` }).click();
        await expect(page.locator('.post-id')).toHaveText(`content/posts/hostile-${payload.id}.md`);
        // Both modes: the kind detected for the post, then the other one.
        const mode = page.getByLabel('Body mode');
        for (const pass of [0, 1]) {
          // The start marker is this post's; the frame says which mode it last rendered in.
          await expect(preview.locator('body')).toContainText(`Payload ${payload.id} follows.`);
          const kind = await mode.inputValue();
          await expect(page.locator('iframe[title="Preview"]')).toHaveAttribute('data-rendered-kind', kind);
          const targets = preview.locator(
            'a, area, button, summary, details, input, select, textarea, svg, video, audio, img, [onclick], [onmouseover], div',
          );
          const count = await targets.count();
          for (let index = 0; index < count; index++) {
            const target = targets.nth(index);
            await target.hover({ timeout: 1_000, force: true }).catch(() => undefined);
            await target.click({ timeout: 1_000, force: true }).catch(() => undefined);
            await target.click({ timeout: 1_000, force: true, button: 'middle' }).catch(() => undefined);
            await target
              .click({ timeout: 1_000, force: true, modifiers: ['Control'] })
              .catch(() => undefined);
          }
          await expectUntouched(page, appUrl, { dialogs, popups });
          if (pass === 0) await mode.selectOption(kind === 'html' ? 'markdown' : 'html');
        }
      });
    }

    // Let any late load, timer or navigation show itself before the final count.
    await page.waitForTimeout(500);
    await expectUntouched(page, appUrl, { dialogs, popups });
  });
}
