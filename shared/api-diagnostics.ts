/**
 * The diagnostics part of the contract: background failures of the library (the watcher, the
 * index, the problem checks), recorded in a log in the user-data folder and pushed as they happen,
 * for the "Problems with Postdesk" view.
 */
import { z } from 'zod';
import { returns } from './contract/schemas';

/** One background failure: when, during which operation, about which post, and what it said. */
export interface DiagnosticEntry {
  /** ISO time of the failure. */
  time: string;
  /** What the library was doing, e.g. `watch.change`, `problems.recheck`, `index.refresh`. */
  operation: string;
  /** The site-relative post it concerned, when it concerned one. */
  postId: string | null;
  /** The error's message. */
  message: string;
  /** The error's code (a contract code or a Node errno code), when it had one. */
  code: string | null;
}

/** What `listDiagnostics` answers: the recent failures (oldest first) and where the log is kept. */
export interface DiagnosticsList {
  entries: DiagnosticEntry[];
  /** Absolute path of the log file, or null when this host keeps none. */
  logFile: string | null;
}

/** Pushed when a background failure was recorded. */
export interface DiagnosticsEvent {
  entry: DiagnosticEntry;
}

/** The diagnostics methods (rows in the shape of the contract's method table). */
export const diagnosticsMethods = {
  listDiagnostics: {
    args: z.object({}).strict(),
    result: returns<DiagnosticsList>(),
  },
} as const;

/** The diagnostics events. */
export const diagnosticsEvents = {
  diagnostics: returns<DiagnosticsEvent>(),
} as const;
