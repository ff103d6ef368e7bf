// The summary line of `npm test`, from vitest's and Playwright's JSON reports: a flaky test
// (failed, then passed) counts as failed, never as passed.

/** Sums the reports (either may be null) into passed, failed, flaky and skipped counts. */
export function summarize(unit, e2e) {
  const flaky = e2e?.stats.flaky ?? 0;
  return {
    passed: (unit?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0),
    failed: (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0) + flaky,
    flaky,
    skipped: (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats.skipped ?? 0),
  };
}

/** The one plain line: `N passed, N failed (N flaky), N skipped`. */
export function summaryLine({ passed, failed, flaky, skipped }) {
  return `${passed} passed, ${failed} failed${flaky > 0 ? ` (${flaky} flaky)` : ''}, ${skipped} skipped`;
}
