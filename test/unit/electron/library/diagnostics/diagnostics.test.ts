import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticEntry } from '../../../../../shared/api';
import { DiagnosticsLog } from '../../../../../electron/library/diagnostics/diagnostics-log';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { copyFixtureSite, tempDir } from '../../../../support/temp-site';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir('postdesk-diag-');
  cleanups.push(cleanup);
  return dir;
}

describe('the diagnostics log', () => {
  it('keeps each failure with its operation, post id and code, as JSON lines in the user-data folder', async () => {
    const dir = await folder();
    const told: DiagnosticEntry[] = [];
    const log = new DiagnosticsLog({ dir, onEntry: (entry) => told.push(entry) });
    const error = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    log.record('watch.changed', 'content/posts/a.md', error);
    log.record('index.refresh', null, 'plain text');
    await log.flush();
    expect(told.map((entry) => [entry.operation, entry.postId, entry.code])).toEqual([
      ['watch.changed', 'content/posts/a.md', 'EACCES'],
      ['index.refresh', null, null],
    ]);
    const lines = (await readFile(path.join(dir, 'diagnostics.log'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as DiagnosticEntry)).toEqual(told);
    expect(log.recent()).toEqual(told);
  });

  it('rotates the file at its size limit, keeping a bounded number of old files', async () => {
    const dir = await folder();
    const log = new DiagnosticsLog({ dir, maxBytes: 600, keep: 2, recent: 5 });
    for (let n = 0; n < 40; n++)
      log.record('problems.recheck', `content/posts/${n}.md`, new Error('x'.repeat(50)));
    await log.flush();
    expect((await readdir(dir)).sort()).toEqual([
      'diagnostics.1.log',
      'diagnostics.2.log',
      'diagnostics.log',
    ]);
    for (const name of await readdir(dir)) {
      expect((await readFile(path.join(dir, name))).length).toBeLessThanOrEqual(600);
    }
    const newest = (await readFile(path.join(dir, 'diagnostics.log'), 'utf8')).trim().split('\n');
    expect(JSON.parse(newest.at(-1)!).postId).toBe('content/posts/39.md');
    expect(log.recent().map((entry) => entry.postId)).toEqual(
      [35, 36, 37, 38, 39].map((n) => `content/posts/${n}.md`),
    );
  });

  it("offers the failures of earlier runs (the end of the file) before this run's", async () => {
    const dir = await folder();
    const first = new DiagnosticsLog({ dir });
    first.record('watch.changed', 'content/posts/old.md', new Error('before the restart'));
    await first.flush();
    const second = new DiagnosticsLog({ dir });
    second.record('index.refresh', null, new Error('after the restart'));
    await second.loaded();
    expect(second.recent().map((entry) => entry.message)).toEqual([
      'before the restart',
      'after the restart',
    ]);
  });
});

describe('the library reports background failures', () => {
  let library: Library;
  afterEach(async () => {
    await library.close();
  });

  it('records a failure nobody awaits (a listener throwing during the problems pass) and pushes a diagnostics event', async () => {
    const dir = await folder();
    const copy = await copyFixtureSite('hugo-basic');
    cleanups.push(copy.cleanup);
    library = createLibrary({ diagnosticsDir: dir });
    const pushed: DiagnosticEntry[] = [];
    library.subscribe((event, payload) => {
      if (event === 'diagnostics') pushed.push((payload as { entry: DiagnosticEntry }).entry);
      if (event === 'postProblems') throw new Error('a listener broke');
    });
    await library.handlers.openSite({ path: copy.site });
    await library.session().ready();
    await expect.poll(() => pushed.length, { timeout: 8000 }).toBeGreaterThan(0);
    const listed = await library.handlers.listDiagnostics({});
    expect(listed.logFile).toBe(path.join(dir, 'diagnostics.log'));
    expect(listed.entries[0]).toMatchObject({ operation: 'emit.postProblems', message: 'a listener broke' });
    expect(pushed[0]).toEqual(listed.entries[0]);
    library.session().report('watch.changed', 'content/posts/first-post.md', new Error('gone'));
    await library.close();
    const lines = (await readFile(path.join(dir, 'diagnostics.log'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      operation: 'watch.changed',
      postId: 'content/posts/first-post.md',
    });
  });

  it('ready() resolves at once without a watcher, and after a newer site replaced the session', async () => {
    const copy = await copyFixtureSite('hugo-basic');
    cleanups.push(copy.cleanup);
    library = createLibrary({ watch: false });
    await library.handlers.openSite({ path: copy.site });
    await library.session().ready();
    const watched = createLibrary();
    await watched.handlers.openSite({ path: copy.site });
    const first = watched.session();
    await watched.handlers.openSite({ path: copy.site });
    await first.ready();
    expect(first.isClosed).toBe(true);
    await watched.session().ready();
    expect(watched.session().watcher).not.toBeNull();
    await watched.close();
  });
});
