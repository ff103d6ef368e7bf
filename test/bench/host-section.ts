import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lines, probeOf, startControl, writeProbe, type Probe } from './loop-probe';
import { loadAverage, median, ms, percentile, type BenchContext, type BenchSection } from './bench-section';

/** One start of the real browser-mode host (out/web/postdesk-web.cjs) on a site, observed from outside. */
interface HostRun {
  posts: number;
  /** Process start to the host listening (its address printed). */
  listeningMs: number;
  /** Process start to listPosts answering the whole index. */
  indexMs: number;
  /** Index ready to every post's problem count received as events. */
  passMs: number;
  /** Posts whose problem counts came as events. */
  checked: number;
  /** readPost and listPosts while the pass ran: how long each took. */
  readMs: number[];
  listMs: number[];
  /** The host's event-loop delay from start to index ready, and during the pass. */
  start: Probe & { controlMs: number };
  pass: Probe & { controlMs: number };
  /** Peak RSS of the host process (VmHWM), all threads. */
  peakRssMb: number;
}

class HostClient {
  constructor(
    private readonly port: number,
    private readonly token: string,
  ) {}

  /** Calls contract method `name` and answers its result (throws on a refusal). */
  call<T>(name: string, args: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify(args);
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: `/api/${name}`,
          headers: { 'content-type': 'application/json', 'x-postdesk-token': this.token },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const outcome = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
              { ok: true; value: T } | { ok: false; error: { message: string } };
            if (outcome.ok) resolve(outcome.value);
            else reject(new Error(`${name}: ${outcome.error.message}`));
          });
        },
      );
      request.once('error', reject);
      request.end(body);
    });
  }

  /** Opens the event stream; `onEvent` hears each event's name and payload. Answers a function that closes it. */
  events(onEvent: (name: string, payload: unknown) => void): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const request = http.get(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/api/events',
          headers: { 'x-postdesk-token': this.token },
        },
        (response) => {
          let buffer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            buffer += chunk;
            let end = buffer.indexOf('\n\n');
            while (end !== -1) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const name = /^event: (.*)$/m.exec(frame)?.[1];
              const data = /^data: (.*)$/m.exec(frame)?.[1];
              if (name && data) onEvent(name, JSON.parse(data));
              end = buffer.indexOf('\n\n');
            }
          });
          resolve(() => request.destroy());
        },
      );
      request.once('error', reject);
    });
  }
}

async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Starts the real host on `site`, times it to the index and through the first problems pass, and stops it. */
async function runHost(context: BenchContext, site: string, probe: string): Promise<HostRun> {
  const hostScript = path.join(path.dirname(context.benchScript), '..', 'web', 'postdesk-web.cjs');
  const userData = await mkdtemp(path.join(context.workDir, 'host-profile-'));
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', probe, hostScript, '--site', site, '--user-data-dir', userData, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const probed = probeOf(child);
  const control = await startControl(probe);
  const readProbe = async (): Promise<Probe & { controlMs: number }> => {
    await probed.ready;
    const [host, idle] = await Promise.all([probed.read(), control.read()]);
    return { ...host, controlMs: idle.maxMs };
  };
  try {
    const address = await new Promise<URL>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${probed.other()}`)));
      lines(child.stdout!, (line) => {
        if (line.startsWith('http://127.0.0.1:')) resolve(new URL(line));
      });
    });
    const listeningMs = performance.now() - started;
    const token = decodeURIComponent(address.hash.replace(/^#token=/, ''));
    const client = new HostClient(Number(address.port), token);
    const checked = new Set<string>();
    let passDone: () => void = () => undefined;
    const passOver = new Promise<void>((resolve) => {
      passDone = resolve;
    });
    let total = Infinity;
    const closeEvents = await client.events((name, payload) => {
      if (name !== 'postProblems') return;
      for (const entry of (payload as { problems: Array<{ id: string }> }).problems) checked.add(entry.id);
      if (checked.size >= total) passDone();
    });
    const listed = await client.call<Array<{ id: string }>>('listPosts', {});
    const indexMs = performance.now() - started;
    total = listed.length;
    if (checked.size >= total) passDone();
    const start = await readProbe();
    const indexAt = performance.now();
    // The list stays usable while the pass runs: open posts (and list again now and then) meanwhile.
    const readMs: number[] = [];
    const listMs: number[] = [];
    let over = false;
    void passOver.then(() => {
      over = true;
    });
    const timeout = setTimeout(() => passDone(), 120_000);
    for (let index = 0; !over; index++) {
      const id = listed[(index * 997) % listed.length]?.id ?? '';
      const at = performance.now();
      if (index % 20 === 19) {
        await client.call('listPosts', {});
        listMs.push(performance.now() - at);
      } else {
        await client.call('readPost', { id });
        readMs.push(performance.now() - at);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    clearTimeout(timeout);
    const passMs = performance.now() - indexAt;
    const pass = await readProbe();
    closeEvents();
    return {
      posts: listed.length,
      listeningMs,
      indexMs,
      passMs,
      checked: checked.size,
      readMs,
      listMs,
      start,
      pass,
      peakRssMb: await peakRss(child.pid ?? 0),
    };
  } finally {
    await control.stop();
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(null);
      else child.once('exit', resolve);
    });
  }
}

function timeHugo(hugo: string, site: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(hugo, ['list', 'all', '--quiet'], { cwd: site, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`hugo exited with ${code}`)),
    );
  });
}

/**
 * The real browser-mode host on the 10,000-post site, from outside: process start to the whole
 * index listed (against `hugo list all`), then the first problems pass in its workers while posts
 * are opened and listed (the list usable meanwhile), the host's own event-loop stall in each phase
 * (perf_hooks, loaded with node -r) and its memory (target: RSS <= 250 MB, stall <= 20 ms in the pass).
 */
export const hostSection: BenchSection = {
  name: 'Host: start to the index ready, the list while the problems pass runs, memory',
  async run(context: BenchContext) {
    const site = await context.site(10000);
    const probe = await writeProbe(context.workDir);
    const runs: HostRun[] = [];
    for (let run = 0; run < 3; run++) runs.push(await runHost(context, site, probe));
    const last = runs[runs.length - 1] as HostRun;
    const indexMs = median(runs.map((run) => run.indexMs));
    const passMs = median(runs.map((run) => run.passMs));
    const reads = runs.flatMap((run) => run.readMs);
    const lists = runs.flatMap((run) => run.listMs);
    const passStall = Math.max(...runs.map((run) => run.pass.maxMs));
    const rss = Math.max(...runs.map((run) => run.pass.rssMb));
    const peak = Math.max(...runs.map((run) => run.peakRssMb));
    context.record('host listening', median(runs.map((run) => run.listeningMs)), 'ms');
    context.record('host start to index ready', indexMs, 'ms');
    context.record('host problems pass', passMs, 'ms', 1500);
    const stallVerdict = context.record('host stall during the pass', passStall, 'ms', 20);
    context.record('host stall from start to index', Math.max(...runs.map((run) => run.start.maxMs)), 'ms');
    context.record('host readPost during the pass p95', percentile(reads, 95), 'ms');
    context.record('host listPosts during the pass p95', percentile(lists, 95), 'ms');
    const rssVerdict = context.record('host rss after the pass', rss, 'MB', 250);
    context.record('host peak rss', peak, 'MB', 250);
    context.print(
      `${last.posts} posts, real host (out/web/postdesk-web.cjs), median of ${runs.length} starts: listening ` +
        `${ms(median(runs.map((run) => run.listeningMs)))}, index ready (listPosts answered) ${ms(indexMs)} after process start [${loadAverage()}]`,
    );
    context.print(
      `  first problems pass in the host's workers: ${ms(passMs)} from index ready to all ${last.checked} counts received ` +
        `(target <= 1500 ms: ${passMs <= 1500 ? 'met' : 'NOT met'})`,
    );
    context.print(
      `  while it ran: readPost median ${ms(median(reads))}, p95 ${ms(percentile(reads, 95))}, max ${ms(Math.max(...reads))} ` +
        `(${reads.length} calls); listPosts (${lists.length} calls, the whole list) median ${ms(median(lists))}, max ${ms(Math.max(0, ...lists))}`,
    );
    const control = Math.max(...runs.map((run) => run.pass.controlMs));
    context.record('idle process stall during the pass', control, 'ms');
    context.print(
      `  host event-loop stall (perf_hooks, max of ${runs.length}): during the pass ${ms(passStall)} (target <= 20 ms: ${stallVerdict}), ` +
        `from start to index ready ${ms(Math.max(...runs.map((run) => run.start.maxMs)))}; ` +
        `an idle node process beside it stalled ${ms(control)} meanwhile (the machine's scheduler alone)`,
    );
    context.print(
      `  host memory with the site open after the pass: RSS ${rss.toFixed(1)} MB (target <= 250 MB: ${rssVerdict}), ` +
        `JS heap ${last.pass.heapMb.toFixed(1)} MB, peak RSS ${peak.toFixed(1)} MB [${loadAverage()}]`,
    );
    if (context.hugo) {
      await timeHugo(context.hugo, site);
      const hugo = median([
        await timeHugo(context.hugo, site),
        await timeHugo(context.hugo, site),
        await timeHugo(context.hugo, site),
      ]);
      const ratio = indexMs / hugo;
      context.record('host start to index ready / hugo list all', ratio, 'x', 0.5);
      context.print(
        `  hugo list all ${ms(hugo)} (median of 3): host start to index ready ${ratio.toFixed(2)}x ` +
          `(the list in Chromium adds the page: target <= 0.5x there)`,
      );
    }
  },
};
