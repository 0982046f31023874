/**
 * The collector's figures on a live simulated fleet: CPU per sweep and per miner (the sweep, its write
 * and its after-sweep steps: economics, realized, alerts), sweep wall p50/p95, failed polls, the longest
 * event-loop block, and the simulator's own CPU (it must cost less than the collector). Sweeps run back
 * to back with the collector's clock advanced one poll interval per sweep, so `sweeps` sweeps cover
 * sweeps x 10 s of fleet time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { POLL_INTERVAL_MS, type BenchFleet } from './fleet';
import { percentile, processCpuMs, round } from './stats';

export interface CollectorFigures {
  sweeps: number;
  cpuMsPerSweep: number | null;
  cpuMsPerMiner: number | null;
  sweepWallP50Ms: number | null;
  sweepWallP95Ms: number | null;
  /** The sweep's own duration as the collector records it (polls only). */
  pollPhaseP95Ms: number | null;
  failedPolls: number;
  polls: number;
  /** Longest stretch the collector's event loop was blocked (monitorEventLoopDelay max). */
  eventLoopMaxBlockMs: number | null;
  eventLoopP99DelayMs: number | null;
  simulatorCpuMsPerSweep: number | null;
  collectorRssMb: number;
}

/** Advances the fleet's clock so the next sweep starts one poll interval after `startMs` + i intervals. */
export function setFleetTime(fleet: BenchFleet, atMs: number): void {
  fleet.clock.offsetMs = atMs - Date.now();
}

/** Runs `sweeps` measured sweeps (after one warm-up) starting at fleet time `fromMs`; returns the figures and the next fleet time. */
export async function measureCollector(
  fleet: BenchFleet,
  sweeps: number,
  fromMs: number,
  beforeMeasured: () => void,
): Promise<{ figures: CollectorFigures; nextMs: number; measuredFromMs: number }> {
  let atMs = fromMs;
  setFleetTime(fleet, atMs);
  await fleet.sweep(); // warm-up: connections, JIT, first rig_status rows
  atMs += POLL_INTERVAL_MS;
  const measuredFromMs = atMs;
  beforeMeasured();
  const wallMs: number[] = [];
  const pollMs: number[] = [];
  let failed = 0;
  let polls = 0;
  const eld = monitorEventLoopDelay({ resolution: 10 });
  const sim0 = processCpuMs(fleet.simulator.process.pid);
  const cpu0 = process.cpuUsage();
  eld.enable();
  for (let i = 0; i < sweeps; i++) {
    setFleetTime(fleet, atMs);
    const t0 = performance.now();
    const info = await fleet.sweep();
    wallMs.push(performance.now() - t0);
    if (info) {
      pollMs.push(info.durationMs);
      failed += info.failed;
      polls += info.ok + info.failed;
    }
    atMs += POLL_INTERVAL_MS;
  }
  eld.disable();
  const cpu = process.cpuUsage(cpu0);
  const sim1 = processCpuMs(fleet.simulator.process.pid);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    nextMs: atMs,
    measuredFromMs,
    figures: {
      sweeps,
      cpuMsPerSweep: round(cpuMs / sweeps),
      cpuMsPerMiner: round(cpuMs / sweeps / fleet.miners, 3),
      sweepWallP50Ms: round(percentile(wallMs, 50)),
      sweepWallP95Ms: round(percentile(wallMs, 95)),
      pollPhaseP95Ms: round(percentile(pollMs, 95)),
      failedPolls: failed,
      polls,
      eventLoopMaxBlockMs: round(eld.max / 1e6),
      eventLoopP99DelayMs: round(eld.percentile(99) / 1e6),
      simulatorCpuMsPerSweep: sim0 === null || sim1 === null ? null : round((sim1 - sim0) / sweeps),
      collectorRssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
  };
}
