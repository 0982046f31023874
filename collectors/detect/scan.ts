/**
 * `hashwatt scan`: every address of a range, each of the given ports; a quick connect check of all ports
 * at once first, then full detection and one poll where something listens. One worker per address, open
 * ports in the given order, stopping at the first port a driver recognises (so a miner's API and web UI are not listed twice).
 */
import type { Reading } from '../../lib/domain/reading';
import type { RawReply } from '../../lib/db/mutations/record-unrecognised';
import type { DeviceError, Driver, Identity } from '../drivers/types';
import { formatIpv4, type Ipv4Range } from '../../lib/net/cidr';
import { checkPort } from './port-check';
import { probeDevice } from './probe-device';
import type { DeviceSpec } from '../../lib/net/device-spec';

/** One device that answered. */
export interface ScanHit {
  address: string;
  port: number;
  protocol: string | null;
  /** recognised: a driver identified it (reading null when its poll then failed). */
  status: 'recognised' | 'unrecognised';
  driver: Driver | null;
  identity: Identity | null;
  reading: Reading | null;
  error: DeviceError | null;
  raw: RawReply[];
}

/** How to scan. */
export interface ScanOptions {
  range: Ipv4Range;
  ports: readonly number[];
  concurrency: number;
  /** Connect check timeout. */
  connectTimeoutMs: number;
  /** Per-request timeout of detection and the poll. */
  timeoutMs: number;
  drivers: readonly Driver[];
  onProgress?: (p: { done: number; total: number; found: number }) => void;
  signal?: AbortSignal;
}

/** What the scan found, in address and port order. */
export interface ScanResult {
  hits: ScanHit[];
  addresses: number;
  openPorts: number;
  durationMs: number;
}

/** Ports that are HTTP: the web UI ports, and any HTTP driver's default that no stream driver shares. */
export function specFor(address: string, port: number, drivers: readonly Driver[]): DeviceSpec {
  const http =
    port === 80 ||
    port === 8080 ||
    (drivers.some((d) => d.protocol === 'http' && d.defaultPort === port) &&
      !drivers.some((d) => d.protocol !== 'http' && d.defaultPort === port));
  return http ? { protocol: 'http', host: address, port } : { protocol: 'tcp', host: address, port };
}

async function scanAddress(address: string, opts: ScanOptions, counters: { open: number }): Promise<ScanHit | null> {
  let unrecognised: ScanHit | null = null;
  // All ports at once: an address with no host behind it costs one connect timeout, not one per port.
  const states = await Promise.all(opts.ports.map((port) => checkPort(address, port, opts.connectTimeoutMs)));
  const open = opts.ports.filter((_, i) => states[i] === 'open');
  for (const port of open) {
    if (opts.signal?.aborted) return unrecognised;
    counters.open++;
    const { detection, reading, error } = await probeDevice(specFor(address, port, opts.drivers), {
      timeoutMs: opts.timeoutMs,
      drivers: opts.drivers,
    });
    const hit: ScanHit = {
      address,
      port: detection.port || port,
      protocol: detection.protocol,
      status: detection.status === 'recognised' ? 'recognised' : 'unrecognised',
      driver: detection.driver,
      identity: detection.identity,
      reading,
      error,
      raw: detection.raw,
    };
    if (hit.status === 'recognised') return hit;
    // Open but silent or refusing every protocol: not a device worth listing unless it said something.
    if (detection.status === 'unrecognised' || detection.raw.length > 0) unrecognised ??= hit;
  }
  return unrecognised;
}

/** Scans the range; never throws for device trouble. */
export async function scanRange(opts: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const total = opts.range.count;
  const hits: Array<ScanHit | null> = new Array(total).fill(null);
  const counters = { open: 0 };
  let next = 0;
  let done = 0;
  let found = 0;
  const worker = async () => {
    while (next < total && !opts.signal?.aborted) {
      const i = next++;
      const hit = await scanAddress(formatIpv4(opts.range.first + i), opts, counters);
      hits[i] = hit;
      done++;
      if (hit) found++;
      opts.onProgress?.({ done, total, found });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, total)) }, worker));
  return {
    hits: hits.filter((h): h is ScanHit => h !== null),
    addresses: total,
    openPorts: counters.open,
    durationMs: Date.now() - started,
  };
}
