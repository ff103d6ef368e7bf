import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import playwrightConfig from '../../playwright.config';
import vitestConfig from '../../vitest.config.mjs';
import { inCi, requiredTool } from '../../support/required-tool';
import { summarize, summaryLine } from '../../test-summary.mjs';

/** The harness proves itself: no `.only`, no retries, flaky counts as failed, missing tools fail in CI. */
describe('the test harness', () => {
  afterEach(() => vi.restoreAllMocks());

  it('forbids .only and retries nothing, whatever CI says', () => {
    expect(playwrightConfig.forbidOnly).toBe(true);
    expect(playwrightConfig.retries).toBe(0);
    expect(vitestConfig.test?.allowOnly).toBe(false);
    expect(vitestConfig.test?.retry).toBe(0);
  });

  it('counts a flaky test as failed in the summary line', () => {
    const unit = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0 };
    const e2e = { stats: { expected: 5, unexpected: 0, flaky: 2, skipped: 3 } };
    const summary = summarize(unit, e2e);
    expect(summary).toEqual({ passed: 15, failed: 2, flaky: 2, skipped: 4 });
    expect(summaryLine(summary)).toBe('15 passed, 2 failed (2 flaky), 4 skipped');
    expect(summaryLine(summarize(unit, null))).toBe('10 passed, 0 failed, 1 skipped');
  });

  it('fails a check whose tool is missing in CI, and skips it with a printed reason elsewhere', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'postdesk-tool-'));
    try {
      const present = path.join(dir, '7za');
      await writeFile(present, '');
      const missing = path.join(dir, 'hugo');
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      expect(requiredTool(present, 'the probe', { CI: 'true' })).toBe(true);
      expect(() => requiredTool(missing, 'the probe', { CI: 'true' })).toThrow(
        /missing, and CI must run the probe/,
      );
      expect(requiredTool(missing, 'the probe', {})).toBe(false);
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining(`the probe is skipped: ${missing} is not installed`),
      );
      expect(inCi({ CI: 'false' })).toBe(false);
      expect(inCi({ CI: '1' })).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the unit tests mirror the source tree', () => {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const unitRoot = path.join(repo, 'test', 'unit');
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });
  // A test's folder under test/unit must be a source folder of the repository: the test of
  // electron/library/x.ts lives in test/unit/electron/library/.
  const misplaced = (folders: string[]): string[] =>
    folders.filter((folder) => {
      if (!/^(electron|shared|renderer|build|test)(\/|$)/.test(folder)) return true;
      const source = path.join(repo, folder);
      return !existsSync(source) || !statSync(source).isDirectory();
    });

  it('puts every unit test in the test/unit folder named after its source folder', () => {
    const files = testFiles(unitRoot);
    expect(files.length).toBeGreaterThan(50);
    expect(misplaced(files.map((file) => path.relative(unitRoot, path.dirname(file))))).toEqual([]);
  });

  it('flags a folder that is not a source folder', () => {
    expect(
      misplaced(['lint-checks', 'renderer-logic', 'electron/nowhere', 'electron/library', 'test']),
    ).toEqual(['lint-checks', 'renderer-logic', 'electron/nowhere']);
  });
});
