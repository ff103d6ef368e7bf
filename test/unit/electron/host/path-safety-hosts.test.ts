import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  desktopOnlyMethods,
  methodNames,
  methods,
  SitePath,
  type MethodName,
  type Outcome,
} from '../../../../shared/api';
import { createDesktopHandlers } from '../../../../electron/host/desktop-handlers';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { serveOnBothHosts, type BothHosts } from '../../../support/both-hosts';
import { copyFixtureSite } from '../../../support/temp-site';

/**
 * Every refused path, driven through both hosts: the browser-mode HTTP host (POST /api/<method>)
 * and the IPC host as Electron runs it (registerIpcHost on an ipcMain stand-in, a trusted sender).
 * The methods attacked are derived from the contract table: every argument whose schema is
 * `SitePath` (or optional, or a list of them) is a path, so a new path-taking method is attacked
 * the day it is added (and this test fails if it cannot build its other arguments).
 */
let site: string;
let library: Library;
let hosts: BothHosts;
const cleanups: Array<() => Promise<void>> = [];
const revealed: string[] = [];

beforeAll(async () => {
  const copy = await copyFixtureSite('hugo-basic');
  site = copy.site;
  cleanups.push(copy.cleanup);
  await mkdir(`${site}-evil`, { recursive: true });
  await writeFile(`${site}-evil/secret.md`, 'secret');
  const posts = path.join(site, 'content', 'posts');
  await symlink(`${site}-evil/secret.md`, path.join(posts, 'link-out.md'));
  await symlink(`${site}-evil`, path.join(posts, 'evil'));
  await symlink(path.join(site, 'gone.md'), path.join(posts, 'dangling.md'));
  await symlink(path.join(site, 'gone-folder'), path.join(posts, 'dangling-dir'));
  library = createLibrary({ watch: false, canReveal: true });
  await library.handlers.openSite({ path: site });
  hosts = await serveOnBothHosts(
    library,
    createDesktopHandlers(library, { revealItem: (file) => void revealed.push(file) }),
  );
});
afterAll(async () => {
  await hosts.close();
  await library.close();
  for (const cleanup of cleanups) await cleanup();
  await import('node:fs/promises').then((fs) => fs.rm(`${site}-evil`, { recursive: true, force: true }));
});

const overHttp = (method: string, args: unknown): Promise<Outcome> => hosts.overHttp(method, args);
const overIpc = (method: string, args: unknown): Promise<Outcome> => hosts.overIpc(method, args);

/** Ids every host must refuse, with the reason the message gives. */
const refusedIds: Array<[string, RegExp]> = [
  ['../outside.md', /climbs out/],
  ['content/../../outside.md', /climbs out/],
  ['../hugo-basic-evil/secret.md', /climbs out/],
  ['..\\outside.md', /backslash/],
  ['content\\..\\..\\outside.md', /backslash/],
  ['\\\\server\\share\\post.md', /backslash/],
  ['/etc/passwd.md', /absolute/],
  ['C:/Windows/win.md', /absolute/],
  ['c:post.md', /absolute/],
  ['content/CON.md', /device name/],
  ['content/posts/com1.md', /device name/],
  ['content/posts/LPT9.txt.md', /device name/],
  ['content/aux/post.md', /device name/],
  ['content/posts/nul', /device name/],
  ['content//posts/first-post.md', /empty/],
  ['./content/posts/first-post.md', /empty or "."/],
  ['content/posts/link-out.md', /outside the site/],
  ['content/posts/evil/secret.md', /outside the site/],
  ['content/posts/dangling.md', /link to nothing|broken link/],
  ['content/posts/dangling-dir/post.md', /broken link|does not exist/],
];

/** True when a field's schema is a site-relative path: `SitePath`, optional or nullable, or a list of them. */
function pathKind(schema: z.ZodType): 'one' | 'many' | null {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable)
    inner = inner.unwrap() as z.ZodType;
  if (inner === SitePath) return 'one';
  if (inner instanceof z.ZodArray && inner.element === SitePath) return 'many';
  return null;
}

/** Values for the other arguments of path-taking methods, by field name. */
const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const sampleValues: Record<string, unknown> = {
  text: 'pwned',
  baseRevision: null,
  slug: 'renamed',
  fileName: 'pwned.png',
  data: onePixelPng,
};

/** The contract's path-taking methods, each with a builder of its arguments around one attacked path. */
const operations: Array<[MethodName, (id: string) => unknown]> = methodNames.flatMap((name) => {
  const shape = (methods[name].args as z.ZodObject).shape as Record<string, z.ZodType>;
  const paths = Object.entries(shape).filter(([, field]) => pathKind(field) !== null);
  if (paths.length === 0) return [];
  return [
    [
      name,
      (id: string) =>
        Object.fromEntries(
          Object.entries(shape).flatMap(([key, field]): Array<[string, unknown]> => {
            const kind = pathKind(field);
            if (kind !== null) return [[key, kind === 'one' ? id : [id]]];
            if (key in sampleValues) return [[key, sampleValues[key]]];
            if (field.safeParse(undefined).success) return [];
            throw new Error(
              `${name}.${key}: add a sample value to sampleValues in path-safety-hosts.test.ts`,
            );
          }),
        ),
    ],
  ];
});

/** Methods that answer an attacked path without refusing it, and what their harmless answer is. */
const harmlessAnswers: Partial<Record<MethodName, (value: unknown) => boolean>> = {
  // Answers which ids exist: an outside file must never be reported as existing.
  checkSiteFiles: (value) => (value as { existing: string[] }).existing.length === 0,
  // Backups are keyed by a digest of the id inside the user-data folder (none here): nothing to drop.
  dropBackup: (value) => (value as { dropped: boolean }).dropped === false,
};

it('derives the attacked methods from the contract table', () => {
  const names = operations.map(([name]) => name);
  expect(names).toEqual(
    expect.arrayContaining([
      'readPost',
      'savePost',
      'renamePost',
      'duplicatePost',
      'deletePost',
      'checkSiteFiles',
      'importImage',
      'backupBuffer',
      'dropBackup',
      'revealPost',
    ]),
  );
  for (const [name, args] of operations) {
    expect(methods[name].args.safeParse(args('content/posts/first-post.md')).success, name).toBe(true);
  }
});

describe.each([
  ['the HTTP host', overHttp],
  ['the IPC host', overIpc],
])('path safety over %s', (name, call) => {
  it.each(refusedIds)('refuses %j for every operation', async (id, why) => {
    for (const [method, args] of operations) {
      const outcome = await call(method, args(id));
      if (name === 'the HTTP host' && (desktopOnlyMethods as readonly string[]).includes(method)) {
        // The browser host has no desktop-only handlers at all: refused before any path is read.
        expect(outcome, `${method} ${id}`).toMatchObject({ ok: false, error: { code: 'unsupported' } });
        continue;
      }
      const harmless = harmlessAnswers[method];
      if (harmless) {
        if (outcome.ok) expect(harmless(outcome.value), `${method} ${id}`).toBe(true);
        else expect(['path-refused', 'not-found'], `${method} ${id}`).toContain(outcome.error.code);
        continue;
      }
      expect(outcome.ok, `${method} ${id}`).toBe(false);
      if (outcome.ok) continue;
      if (id === 'content/posts/dangling-dir/post.md' && method !== 'savePost') {
        expect(['path-refused', 'not-found'], `${method} ${id}`).toContain(outcome.error.code);
        continue;
      }
      expect(outcome.error.code, `${method} ${id}: ${outcome.error.message}`).toBe('path-refused');
      expect(outcome.error.message, `${method} ${id}`).toMatch(why);
    }
  });

  it('refuses a NUL byte at the contract (invalid-argument) and a slash in a new name', async () => {
    expect(await call('readPost', { id: 'content/a\u0000b.md' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('renamePost', { id: 'content/posts/first-post.md', slug: '../../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('createPost', { title: 'x', section: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('restorePost', { trashId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('left everything outside the site untouched', async () => {
    expect(await readFile(`${site}-evil/secret.md`, 'utf8')).toBe('secret');
    expect(revealed).toEqual([]);
  });
});

describe('the IPC host', () => {
  it('refuses a sender that is not Postdesk before any path is looked at', async () => {
    const outcome = hosts.overIpc('readPost', { id: 'content/posts/first-post.md' }, 'https://evil.example/');
    expect(await outcome).toMatchObject({ ok: false });
  });
});
