/**
 * NVIDIA dcgm-exporter's Prometheus text (GET :9400/metrics, protocols.md §2.2) -> Reading. Pure. One
 * board per GPU (the `gpu` label), power = sum of DCGM_FI_DEV_POWER_USAGE (W). DCGM's "blank" values
 * (9223372036854775794 = int64 max - 13, and anything >= 9.2e18) and NaN/Inf are no value.
 */
import { efficiencyJth, type BoardReading, type Reading } from '../../../lib/domain/reading';
import { maxOf, validTempC } from '../cgminer-tcp/coerce';
import { gpuHostStatus, gpuModelName, type GpuActivity } from '../gpu-agent/status';
import { DeviceError } from '../types';
import { parsePrometheusText, type PromSample } from './prometheus';

/** DCGM int64 blank sentinel (DCGM_INT64_BLANK); values from here up are "no value". */
export const DCGM_BLANK_MIN = 9.2e18;

/** A metric value, or null for DCGM blanks and non-finite values. */
export function dcgmValue(v: number): number | null {
  return Number.isFinite(v) && Math.abs(v) < DCGM_BLANK_MIN ? v : null;
}

/** One GPU's metrics, by field name without the DCGM_FI_ prefix ("DEV_POWER_USAGE"). */
export interface DcgmGpu {
  /** The `gpu` label (device index), or the position when absent. */
  gpu: string;
  uuid: string | null;
  modelName: string | null;
  metrics: Record<string, number | null>;
}

/** DCGM_FI_* samples grouped per GPU in order of first appearance; the first value of each field wins. */
export function dcgmGpus(samples: readonly PromSample[]): DcgmGpu[] {
  const byKey = new Map<string, DcgmGpu>();
  for (const s of samples) {
    if (!s.name.startsWith('DCGM_FI_')) continue;
    const key = s.labels.gpu ?? s.labels.UUID ?? '0';
    let gpu = byKey.get(key);
    if (!gpu) {
      gpu = { gpu: key, uuid: s.labels.UUID ?? null, modelName: s.labels.modelName ?? null, metrics: {} };
      byKey.set(key, gpu);
    }
    const field = s.name.slice('DCGM_FI_'.length);
    const value = dcgmValue(s.value);
    if (gpu.metrics[field] === undefined || gpu.metrics[field] === null) gpu.metrics[field] = value;
  }
  return [...byKey.values()];
}

/** Parses the exposition into its GPUs; DeviceError when it is not Prometheus text or has no DCGM metric. */
export function parseDcgmGpus(text: string): DcgmGpu[] {
  const prom = parsePrometheusText(text);
  const gpus = dcgmGpus(prom.samples);
  if (gpus.length > 0) return gpus;
  if (prom.samples.length === 0 && prom.invalid.length > 0) {
    const first = prom.invalid[0];
    throw new DeviceError('garbage', `/metrics is not Prometheus text (line ${first.line}: ${JSON.stringify(first.text.slice(0, 40))})`);
  }
  throw new DeviceError('unexpected', '/metrics has no DCGM_FI_* metrics (not a dcgm-exporter?)');
}

const metric = (g: DcgmGpu, field: string): number | null => g.metrics[field] ?? null;

/** The throttle bitmask under its old and new names. */
function reasons(g: DcgmGpu): number | null {
  const v = metric(g, 'DEV_CLOCKS_EVENT_REASONS') ?? metric(g, 'DEV_CLOCK_THROTTLE_REASONS');
  return v !== null && Number.isSafeInteger(v) && v >= 0 ? v : null;
}

/** Normalizes a dcgm-exporter scrape into a Reading (hashrate 0, algorithm null: DCGM knows no hash rates). */
export function parseDcgm(text: string, opts: { modelHint?: string | null } = {}): Reading {
  const gpus = parseDcgmGpus(text);
  const boards: BoardReading[] = gpus.map((g, i) => ({
    index: i,
    hashrateThs: null,
    chips: null,
    tempC: validTempC(metric(g, 'DEV_GPU_TEMP')) ?? validTempC(metric(g, 'DEV_MEMORY_TEMP')),
  }));
  const powers = gpus.map((g) => metric(g, 'DEV_POWER_USAGE')).filter((p): p is number => p !== null && p >= 0);
  const powerW = powers.length ? powers.reduce((a, b) => a + b, 0) : null;
  const activity: GpuActivity[] = gpus.map((g) => ({ utilizationPct: metric(g, 'DEV_GPU_UTIL'), clocksEventReasons: reasons(g) }));
  const names = gpus.map((g) => g.modelName);
  const named = names.every((n): n is string => n !== null) ? gpuModelName(names) : null;
  return {
    driver: 'dcgm',
    make: 'NVIDIA',
    model: named ?? opts.modelHint ?? `${gpus.length}x NVIDIA GPU`,
    firmware: 'dcgm-exporter',
    status: gpuHostStatus(activity),
    hashrateThs: 0,
    expectedHashrateThs: null,
    powerW,
    powerSource: powerW !== null ? 'firmware' : null,
    efficiencyJth: efficiencyJth(powerW, 0),
    boards,
    tempMaxC: maxOf(boards.map((b) => b.tempC)),
    fansRpm: [],
    pools: [],
    uptimeS: null,
    hardwareErrors: null,
    algorithm: null,
  };
}
