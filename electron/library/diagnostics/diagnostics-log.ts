import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DiagnosticEntry } from '../../../shared/api';

/** How a diagnostics log is kept. */
export interface DiagnosticsLogOptions {
  /** Folder of the log (in the user-data folder); null keeps the entries in memory only. */
  dir: string | null;
  /** Rotate when the log would grow past this many bytes (default 256 KiB). */
  maxBytes?: number;
  /** How many rotated files to keep beside the log (default 2). */
  keep?: number;
  /** How many recent entries to keep in memory for the view (default 100). */
  recent?: number;
  /** Told of every entry as it is recorded (the library pushes it as a `diagnostics` event). */
  onEntry?: (entry: DiagnosticEntry) => void;
}

/** The log file's name inside its folder; rotated copies are `diagnostics.1.log`, `diagnostics.2.log`. */
export const diagnosticsFileName = 'diagnostics.log';

/**
 * The library's record of background failures: each one is kept in memory (the most recent),
 * appended as one JSON line to a rotated log file, and told to `onEntry`. Recording never throws
 * and never waits: a failure to write the log is itself dropped (there is nowhere left to tell).
 */
export class DiagnosticsLog {
  private readonly entries: DiagnosticEntry[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly limit: number;
  private readonly loading: Promise<void>;

  constructor(private readonly options: DiagnosticsLogOptions) {
    this.maxBytes = options.maxBytes ?? 256 * 1024;
    this.keep = options.keep ?? 2;
    this.limit = options.recent ?? 100;
    const file = this.file;
    // No log of earlier runs (first start, or unreadable): this run starts an empty list.
    this.loading = file ? this.loadPrevious(file).catch(() => undefined) : Promise.resolve();
  }

  /** Resolves once the entries of earlier runs (the end of the log file) are among the recent ones. */
  loaded(): Promise<void> {
    return this.loading;
  }

  /** The log file's path, or null when kept in memory only. */
  get file(): string | null {
    return this.options.dir === null ? null : path.join(this.options.dir, diagnosticsFileName);
  }

  /** Records that `operation` (about `postId`, when any) failed with `error`; answers the entry. */
  record(operation: string, postId: string | null, error: unknown): DiagnosticEntry {
    const code = (error as { code?: unknown } | null)?.code;
    const entry: DiagnosticEntry = {
      time: new Date().toISOString(),
      operation,
      postId,
      message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      code: typeof code === 'string' ? code : null,
    };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    const file = this.file;
    if (file)
      this.writing = this.writing
        .then(() => this.append(file, `${JSON.stringify(entry)}\n`))
        // The diagnostics log cannot write itself: there is nowhere left to report that (the entry stays in memory).
        .catch(() => undefined);
    try {
      this.options.onEntry?.(entry);
    } catch {
      // A listener's failure must not turn one background error into two.
    }
    return entry;
  }

  /** The recent entries, oldest first. */
  recent(): DiagnosticEntry[] {
    return [...this.entries];
  }

  /** Resolves once every entry recorded so far is in the file. */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Reads the last 64 KiB of the log: entries of earlier runs come before this run's. */
  private async loadPrevious(file: string): Promise<void> {
    const handle = await fs.open(file, 'r');
    let text: string;
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
    const previous: DiagnosticEntry[] = [];
    for (const line of text.split('\n')) {
      try {
        const entry = JSON.parse(line) as Partial<DiagnosticEntry> | null;
        if (
          entry &&
          typeof entry.time === 'string' &&
          typeof entry.operation === 'string' &&
          typeof entry.message === 'string'
        ) {
          previous.push({
            time: entry.time,
            operation: entry.operation,
            postId: typeof entry.postId === 'string' ? entry.postId : null,
            message: entry.message,
            code: typeof entry.code === 'string' ? entry.code : null,
          });
        }
      } catch {
        // A torn or foreign line (the first one of the slice, often): skipped.
      }
    }
    this.entries.unshift(...previous);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  private async append(file: string, line: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const size = await fs.stat(file).then(
      (stat) => stat.size,
      // No log file yet: its size is 0.
      () => 0,
    );
    if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) await this.rotate(file);
    await fs.appendFile(file, line, { mode: 0o600 });
  }

  private async rotate(file: string): Promise<void> {
    const numbered = (n: number) => file.replace(/\.log$/, `.${n}.log`);
    await fs.rm(numbered(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--)
      // A rotated copy missing (fewer than `keep` so far): nothing to shift.
      await fs.rename(numbered(n), numbered(n + 1)).catch(() => undefined);
    if (this.keep > 0) await fs.rename(file, numbered(1));
    else await fs.rm(file, { force: true });
  }
}
