import os from 'node:os';

/** What every bench section gets: where to work, the generated sites, and how to print and record. */
export interface BenchContext {
  /** A temporary folder for this run, removed at the end. */
  workDir: string;
  /** The generated Hugo site of `posts` posts (seeded, made once per run and shared by sections). */
  site(posts: number): Promise<string>;
  /** The bundled bench script, to time whole processes (`node <benchScript> --index-once <site>`). */
  benchScript: string;
  /** The `hugo` executable when installed, else null. */
  hugo: string | null;
  /** Prints one line of results. */
  print(line: string): void;
  /**
   * Records one figure for out/bench/results.json (and the comparison with the previous run):
   * `name` unique within the section, its value and unit, and `target` when the figure has one
   * (met when value <= target). Answers "met" / "NOT met" (empty without a target) for printing.
   */
  record(name: string, value: number, unit: string, target?: number): string;
}

/** One part of `npm run bench`: a name and what it measures; it prints figures, never asserts on time. */
export interface BenchSection {
  name: string;
  run(context: BenchContext): Promise<void>;
}

/** One recorded figure, as written to out/bench/results.json. */
export interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: number;
  met?: boolean;
  /** The machine's 1, 5 and 15 minute load averages when the figure was recorded. */
  load: number[];
}

/** The middle value of `values` (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The value at percentile `p` (0-100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Milliseconds with one decimal, for printing. */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** The machine's load averages (1, 5 and 15 minutes) and core count, to print beside figures. */
export function loadAverage(): string {
  return `load ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`;
}
