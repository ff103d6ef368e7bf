import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticEntry } from '../../../../shared/api';
import { createLibrary } from '../../../../electron/library/library-service';
import { tempDir } from '../../../support/temp-site';

// The shell and the hosts report their own background failures (saving the window's place, the
// recent sites) through the library, into the same diagnostics log and event as the library's.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('Library.report', () => {
  it('records the operation, post id and code, and tells the diagnostics listeners', async () => {
    const { dir, cleanup } = await tempDir('postdesk-report-');
    cleanups.push(cleanup);
    const library = createLibrary({ watch: false, diagnosticsDir: dir });
    cleanups.push(() => library.close());
    const told: DiagnosticEntry[] = [];
    library.subscribe((event, payload) => {
      if (event === 'diagnostics') told.push((payload as { entry: DiagnosticEntry }).entry);
    });
    library.report('shell.window-state', null, Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    const listed = await library.handlers.listDiagnostics({});
    expect(listed.entries.map((entry) => [entry.operation, entry.postId, entry.code, entry.message])).toEqual(
      [['shell.window-state', null, 'ENOSPC', 'disk full']],
    );
    expect(told.map((entry) => entry.operation)).toEqual(['shell.window-state']);
  });
});
