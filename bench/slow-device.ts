/**
 * What one slow device costs a sweep: the demo fleet (simulator in this process, real TCP and HTTP on
 * 127.0.205.x) swept alone, then with a slow but valid Braiins miner (real captures, every reply after
 * BENCH_SLOW_REPLY_MS, default 2,500 ms, under the 3,000 ms request timeout) and a device that trickles one
 * byte every 100 ms forever, as the collector sweeps (a poll pool: a poll still running one straggler grace
 * after the last one started carries over to a later sweep). Prints JSON: sweep durations alone and with the
 * slow devices, how long after the first sweep's start the slow miner's reading arrived, the trickler's error
 * and the slow driver's bound (request timeout x its requests).
 *   node --import tsx bench/slow-device.ts
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { getDriver } from '../collectors/drivers';
import { pollDeadlineMs } from '../collectors/drivers/poll-deadline';
import { startSimulator } from '../collectors/simulator/simulator';
import { createPollPool } from '../collectors/poll-pool';
import type { PollResult } from '../lib/domain/sweep-record';
import type { SweepTarget } from '../collectors/sweep';

const miners = Number(process.env.BENCH_MINERS ?? 48);
const slowReplyMs = Number(process.env.BENCH_SLOW_REPLY_MS ?? 2500);
const requestTimeoutMs = 3000;
const capture = (name: string) => readFileSync(new URL(`../tests/fixtures/asic/${name}`, import.meta.url), 'utf8');
const BRAIINS: Record<string, string> = {
  summary: 'braiins-bosplus-s9-summary.json',
  version: 'braiins-bosplus-s9-version.json',
  devs: 'braiins-bosplus-s9-devs.json',
  pools: 'braiins-bosplus-s9-pools.json',
  fans: 'braiins-bosplus-s9-fans.json',
  temps: 'braiins-bosplus-s9-temps.json',
};
const INVALID = '{"STATUS":[{"STATUS":"E","When":1,"Code":14,"Msg":"Invalid command","Description":"BOSminer+"}],"id":1}';

/** A loopback server answering each connection's first request with `reply(request)` after `delayMs`, or trickling. */
async function device(onRequest: (socket: net.Socket, request: string) => void): Promise<{ port: number; server: net.Server }> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => onRequest(socket, chunk.toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, server };
}

async function main() {
  const sim = await startSimulator({ miners, subnet: '127.0.205', httpPort: null, seed: 3, faults: false });
  const fleet: SweepTarget[] = sim.manifest.rigs.map((r, i) => ({
    id: i + 1,
    siteId: 1,
    name: r.name,
    address: r.address,
    port: r.port,
    driver: r.driver,
    model: r.model,
  }));
  const deps = { getDriver, now: Date.now, requestTimeoutMs, concurrency: 64 };
  const pool = createPollPool();
  await pool.sweep(fleet, deps); // warm-up
  const fleetMs: number[] = [];
  for (let i = 0; i < 3; i++) fleetMs.push((await pool.sweep(fleet, deps)).durationMs);

  const slow = await device((socket, request) => {
    const name = BRAIINS[String((JSON.parse(request) as { command?: unknown }).command)];
    setTimeout(() => socket.end(`${name ? capture(name) : INVALID}\u0000`), slowReplyMs);
  });
  const trickler = await device((socket) => {
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write('{')), 100);
  });
  const targets: SweepTarget[] = [
    ...fleet,
    { id: 9001, siteId: 1, name: 'slow', address: '127.0.0.1', port: slow.port, driver: 'braiins', model: null },
    { id: 9002, siteId: 1, name: 'trickler', address: '127.0.0.1', port: trickler.port, driver: 'antminer', model: null },
  ];
  // Sweeps 5 s apart until the slow miner's reading has come in (its bound is 8 x 3 s).
  const withSlowSweepMs: number[] = [];
  const seen = new Map<number, PollResult>();
  const startMs = Date.now();
  while (!seen.has(9001) && Date.now() - startMs < 40_000) {
    const sweepStartMs = Date.now();
    const record = await pool.sweep(targets, deps);
    withSlowSweepMs.push(record.durationMs);
    for (const r of record.results) if (!seen.has(r.rigId)) seen.set(r.rigId, r);
    await new Promise((r) => setTimeout(r, Math.max(0, 5000 - (Date.now() - sweepStartMs))));
  }
  const result = (id: number) => seen.get(id)!;
  console.log(
    JSON.stringify(
      {
        bench: 'slow-device',
        miners,
        requestTimeoutMs,
        slowReplyMs,
        fleetSweepMs: fleetMs,
        withSlowSweepMs,
        slowReadingAfterMs: result(9001).tsMs - startMs,
        slowDriverBoundMs: pollDeadlineMs(getDriver('braiins'), requestTimeoutMs),
        slowRead: result(9001).ok,
        tricklerError: result(9002).ok ? null : (result(9002) as { error: string }).error,
        fleetOk: [...seen.values()].filter((r) => r.ok && r.rigId <= miners).length,
      },
      null,
      2,
    ),
  );
  slow.server.close();
  trickler.server.close();
  await sim.stop();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
