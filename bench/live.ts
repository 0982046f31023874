/**
 * Live figures: `clients` socket.io-client connections in a separate process (live-clients.ts, kiosk
 * cookie) while the collector sweeps the live fleet every `intervalMs`. For each sweep and browser: the
 * time from the sweep's commit to the first and to the last packet of that sweep, and the bytes of every
 * packet received for it. After each sweep the bench waits until no browser has received anything for
 * QUIET_MS (at most MAX_DRAIN_MS) before the next one, so a slow delivery is not counted to the next sweep.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { currentCursor } from '../lib/db/queries/fleet';
import { sleep } from '../lib/util/sleep';
import type { BenchFleet } from './fleet';
import { epochMs, percentile, processCpuMs, round } from './stats';

/** No packet for this long after a sweep: its deltas have all arrived. */
const QUIET_MS = 1000;
/** The longest the bench waits for a sweep's deltas before sweeping again. */
const MAX_DRAIN_MS = 30_000;

export interface LiveFigures {
  browsers: number;
  connectedAtEnd: number;
  /** Sockets that dropped and connected again during the run (each subscribes again from the start cursor). */
  reconnects: number;
  connectMs: number;
  sweeps: number;
  intervalMs: number;
  /** Commit of a sweep to the first packet a browser receives after it. */
  firstPacketP50Ms: number | null;
  firstPacketP95Ms: number | null;
  /** Commit to the last packet of that sweep (its economics and alerts deltas included). */
  lastPacketP95Ms: number | null;
  /** Browser-sweeps that received nothing before the next sweep committed (or the end). */
  missedBrowserSweeps: number;
  /** Sweeps whose deltas were still arriving MAX_DRAIN_MS after the commit (the next sweep started anyway). */
  sweepsNotDrainedIn30s: number;
  bytesPerBrowserPerSweepMean: number | null;
  bytesPerBrowserPerSweepP95: number | null;
  changeRowsPerSweep: number | null;
  webServerCpuMsPerSweep: number | null;
  clientErrors: Record<string, number>;
}

/** Runs the live measurement against `origin`; the fleet's clock keeps running from where it is. */
export async function measureLive(
  fleet: BenchFleet,
  web: { origin: string; pid: number | undefined },
  cookie: string,
  opts: { clients: number; sweeps: number; intervalMs: number },
): Promise<LiveFigures> {
  const child = fork(fileURLToPath(new URL('./live-clients.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_ORIGIN: web.origin,
      BENCH_COOKIE: cookie,
      BENCH_CLIENTS: String(opts.clients),
      BENCH_CURSOR: String(currentCursor(fleet.db)),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: Record<string, unknown>[] = [];
  const waitFor = (type: string, timeoutMs: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = messages.find((m) => m.type === type);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`live clients: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      child.on('message', (m: Record<string, unknown>) => {
        if (m.type === type) {
          clearTimeout(timer);
          resolve(m);
        }
      });
      child.once('exit', (code) => reject(new Error(`live clients exited (${code}) before '${type}'`)));
    });
  child.on('message', (m: Record<string, unknown>) => {
    if (m.type !== 'last-packet') messages.push(m);
  });
  const lastPacketMs = () =>
    new Promise<number>((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (m.type !== 'last-packet') return;
        child.off('message', on);
        resolve(Number(m.atMs));
      };
      child.on('message', on);
      child.send({ type: 'last-packet' });
    });
  /** Waits until the browsers have been quiet for QUIET_MS since `sinceMs`; false when MAX_DRAIN_MS passed first. */
  const drained = async (sinceMs: number) => {
    for (;;) {
      await sleep(250);
      // Every sweep sends something (its totals at least): quiet only counts once its first packet came.
      const last = await lastPacketMs();
      if (last > sinceMs && epochMs() - last >= QUIET_MS) return true;
      if (epochMs() - sinceMs > MAX_DRAIN_MS) return false;
    }
  };
  try {
    const ready = await waitFor('ready', 180_000);
    const commitsFrom = fleet.commitsMs.length;
    const cursors: number[] = [currentCursor(fleet.db)];
    const web0 = processCpuMs(web.pid);
    let undrained = 0;
    for (let i = 0; i < opts.sweeps; i++) {
      const t0 = performance.now();
      await fleet.sweep();
      cursors.push(currentCursor(fleet.db));
      if (!(await drained(fleet.commitsMs[fleet.commitsMs.length - 1]))) undrained++;
      if (i < opts.sweeps - 1) await sleep(opts.intervalMs - (performance.now() - t0));
    }
    const endMs = epochMs();
    const web1 = processCpuMs(web.pid);
    child.send({ type: 'stop' });
    const result = (await waitFor('records', 120_000)) as {
      records: number[][];
      connected: number;
      reconnects: number;
      errors: Record<string, number>;
    };
    const commits = fleet.commitsMs.slice(commitsFrom);
    const first: number[] = [];
    const last: number[] = [];
    const bytes: number[] = [];
    let missed = 0;
    for (let s = 0; s < commits.length; s++) {
      const from = commits[s];
      const to = commits[s + 1] ?? endMs;
      for (const packets of result.records) {
        let n = 0;
        let sum = 0;
        let firstTs = 0;
        let lastTs = 0;
        for (let k = 0; k < packets.length; k += 2) {
          const ts = packets[k];
          if (ts < from || ts >= to) continue;
          if (n === 0) firstTs = ts;
          lastTs = ts;
          n++;
          sum += packets[k + 1];
        }
        bytes.push(sum);
        if (n === 0) missed++;
        else {
          first.push(firstTs - from);
          last.push(lastTs - from);
        }
      }
    }
    return {
      browsers: opts.clients,
      connectedAtEnd: result.connected,
      reconnects: result.reconnects,
      connectMs: Number(ready.connectMs),
      sweeps: commits.length,
      intervalMs: opts.intervalMs,
      firstPacketP50Ms: round(percentile(first, 50)),
      firstPacketP95Ms: round(percentile(first, 95)),
      lastPacketP95Ms: round(percentile(last, 95)),
      missedBrowserSweeps: missed,
      sweepsNotDrainedIn30s: undrained,
      bytesPerBrowserPerSweepMean: bytes.length ? Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length) : null,
      bytesPerBrowserPerSweepP95: round(percentile(bytes, 95)),
      changeRowsPerSweep: cursors.length > 1 ? round((cursors[cursors.length - 1] - cursors[0]) / (cursors.length - 1), 1) : null,
      webServerCpuMsPerSweep: web0 === null || web1 === null ? null : round((web1 - web0) / Math.max(1, commits.length)),
      clientErrors: result.errors,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
