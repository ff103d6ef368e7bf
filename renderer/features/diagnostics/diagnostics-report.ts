import type { DiagnosticEntry } from '../../../shared/api';

/** The plain-text report the "Copy report" button puts on the clipboard: one line per failure. */
export function diagnosticsReport(
  entries: readonly DiagnosticEntry[],
  about: { host: string; logFile: string | null; userAgent: string },
): string {
  const head = [
    'Postdesk problems report',
    `Host: ${about.host}`,
    `Log file: ${about.logFile ?? '(none: kept in memory)'}`,
    `Browser: ${about.userAgent}`,
    `Failures: ${entries.length}`,
    '',
  ];
  const lines = entries.map(
    (entry) =>
      `${entry.time}  ${entry.operation}${entry.postId ? `  ${entry.postId}` : ''}${entry.code ? `  [${entry.code}]` : ''}  ${entry.message}`,
  );
  return [...head, ...lines].join('\n');
}
