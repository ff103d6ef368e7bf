import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

// Loaded into a process with `node -r`: its own event-loop delay (perf_hooks), printed with its
// memory on stderr at each SIGUSR2 and then reset, so the bench reads the stall of each phase.
const probeSource = `const { monitorEventLoopDelay } = require('node:perf_hooks');
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
process.on('SIGUSR2', () => {
  const memory = process.memoryUsage();
  process.stderr.write('POSTDESK-PROBE ' + JSON.stringify({
    maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6,
    rssMb: memory.rss / 1048576, heapMb: memory.heapUsed / 1048576,
  }) + '\\n');
  delay.reset();
});
process.stderr.write('POSTDESK-PROBE-READY\\n');
`;

/** What a probed process says at each reading: its event-loop delay since the last one, and its memory. */
export interface Probe {
  maxMs: number;
  p99Ms: number;
  rssMb: number;
  heapMb: number;
}

/** Writes the probe module into `folder` and answers its path (for `node -r <path>`). */
export async function writeProbe(folder: string): Promise<string> {
  const file = path.join(folder, 'loop-probe.cjs');
  await writeFile(file, probeSource);
  return file;
}

/** Calls `onLine` with each line of a stream. */
export function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n');
    while (end !== -1) {
      onLine(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\n');
    }
  });
}

/**
 * Reads the probe of a child started with `-r <probe>` and stderr piped: `ready` once the probe is
 * loaded, `read()` signals it and answers its next reading; `other` collects the rest of its stderr.
 */
export function probeOf(child: ChildProcess): {
  ready: Promise<void>;
  read(): Promise<Probe>;
  other(): string;
} {
  const waiters: Array<{ resolve: (probe: Probe) => void; reject: (error: Error) => void }> = [];
  child.once('exit', (code) => {
    failed(new Error(`the probed process exited (${code}): ${other}`));
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the probed process exited (${code})`));
  });
  let other = '';
  let loaded: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    loaded = resolve;
    failed = reject;
  });
  lines(child.stderr!, (line) => {
    if (line === 'POSTDESK-PROBE-READY') loaded();
    else if (line.startsWith('POSTDESK-PROBE '))
      waiters.shift()?.resolve(JSON.parse(line.slice(15)) as Probe);
    else other += `${line}\n`;
  });
  return {
    ready,
    read: () =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null) return reject(new Error('the probed process has exited'));
        waiters.push({ resolve, reject });
        child.kill('SIGUSR2');
      }),
    other: () => other,
  };
}

/**
 * An idle Node process with the probe, run beside a measurement: its event-loop delay is what the
 * machine's scheduler alone costs (on a shared machine, a stall no code of ours caused).
 */
export async function startControl(
  probe: string,
): Promise<{ read(): Promise<Probe>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', probe, '-e', 'setInterval(() => {}, 1 << 30);'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const probed = probeOf(child);
  // Signalled before the probe is loaded, the process would end (SIGUSR2's default): wait for it.
  await probed.ready;
  await probed.read();
  return {
    read: () => probed.read(),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
