// Types of test/test-summary.mjs.
export interface Summary {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
}
interface UnitReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface E2eReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
export declare function summarize(unit: UnitReport | null, e2e: E2eReport | null): Summary;
export declare function summaryLine(summary: Summary): string;
