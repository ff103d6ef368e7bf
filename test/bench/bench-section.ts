/** What every bench section gets: where to work, the generated sites, and how to print. */
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
}

/** One part of `npm run bench`: a name and what it measures; it prints figures, never asserts on time. */
export interface BenchSection {
  name: string;
  run(context: BenchContext): Promise<void>;
}

/** The middle value of `values` (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Milliseconds with one decimal, for printing. */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
