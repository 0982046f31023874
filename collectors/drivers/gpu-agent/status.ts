/**
 * What a GPU host is doing, from per-GPU utilization and the NVML clocks-event-reasons bitmask (nvidia-smi
 * clocks_event_reasons.active, DCGM's clock throttle reasons). Shared by the gpu-agent and dcgm drivers.
 */
import type { MinerStatus } from '../../../lib/domain/reading';

/**
 * A GPU at or above this utilization is busy. Miners keep GPUs at ~100 %; idle GPUs read 0 %. The threshold
 * is low on purpose: the RTX 4080 SUPER and RTX 2080 SUPER "load" captures read 7 % with P2 clocks up
 * (fx:gpu/nvidia-smi-*-load.csv), while every idle capture reads 0 %.
 */
export const BUSY_UTILIZATION_PCT = 5;

/** NVML clocks event reason bits (nvml.h nvmlClocksEventReason*, the same in nvidia-smi and DCGM). */
export const CLOCK_EVENT = {
  gpuIdle: 0x1,
  applicationsClocksSetting: 0x2,
  swPowerCap: 0x4,
  hwSlowdown: 0x8,
  syncBoost: 0x10,
  swThermalSlowdown: 0x20,
  hwThermalSlowdown: 0x40,
  hwPowerBrakeSlowdown: 0x80,
  displayClockSetting: 0x100,
} as const;

/**
 * Reasons that mean the GPU is being slowed down to protect itself: thermal (software and hardware), the
 * power brake (external signal), and generic hardware slowdown (set together with those). SW power cap is
 * not here: miners set power limits on purpose and run against them all day.
 */
export const THROTTLE_MASK =
  CLOCK_EVENT.hwSlowdown | CLOCK_EVENT.swThermalSlowdown | CLOCK_EVENT.hwThermalSlowdown | CLOCK_EVENT.hwPowerBrakeSlowdown;

/** The signals one GPU gives. */
export interface GpuActivity {
  utilizationPct: number | null;
  clocksEventReasons: number | null;
}

/**
 * Busy when utilization >= BUSY_UTILIZATION_PCT; with no utilization (MIG shows [N/A]), when the gpu_idle
 * reason is clear; with neither, busy (no evidence it is idle).
 */
export function gpuBusy(g: GpuActivity): boolean {
  if (g.utilizationPct !== null) return g.utilizationPct >= BUSY_UTILIZATION_PCT;
  if (g.clocksEventReasons !== null) return (g.clocksEventReasons & CLOCK_EVENT.gpuIdle) === 0;
  return true;
}

/** 'throttled' when a busy GPU is slowed by THROTTLE_MASK reasons, 'mining' when any is busy, else 'sleeping'. */
export function gpuHostStatus(gpus: readonly GpuActivity[]): MinerStatus {
  const busy = gpus.filter(gpuBusy);
  if (busy.length === 0) return 'sleeping';
  return busy.some((g) => ((g.clocksEventReasons ?? 0) & THROTTLE_MASK) !== 0) ? 'throttled' : 'mining';
}

/** "6x NVIDIA GeForce RTX 4080 SUPER", or "2x NVIDIA A + 1x NVIDIA B" for a mixed host, in first-seen order. */
export function gpuModelName(names: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (counts.size === 0) return null;
  return [...counts].map(([name, n]) => `${n}x ${name}`).join(' + ');
}
