/**
 * Carries out one probe or scan request of the settings screen with the detection the CLI uses: a probe
 * identifies one device (unreachable or unrecognised fails the request with why), a scan walks the range
 * reporting progress and lists what it recognised, which of those are already rigs, and what answered
 * without being recognised (kept with its raw replies, as `hashwatt scan --add` does).
 */
import type { Db } from '../lib/db/client';
import { recordUnrecognised } from '../lib/db/mutations/record-unrecognised';
import { rigsByEndpoint, siteExists } from '../lib/db/queries/rigs';
import { parseDeviceRequestInput } from '../lib/rigs/device-request-input';
import type { FoundDevice, ProbePayload, ProbeResult, ScanPayload, ScanProgress, ScanResult } from '../lib/rigs/device-request-types';
import { parseIpv4Range } from '../lib/net/cidr';
import { probeFailureLine } from './detect/failure-line';
import { probeDevice } from './detect/probe-device';
import { scanRange, specFor, type ScanHit } from './detect/scan';
import { formatEndpoint } from '../lib/net/device-spec';
import { MAX_WEB_SCAN_ADDRESSES } from '../lib/rigs/address-input';
import { checkedOutcome } from './drivers/checked-reading';
import type { Driver } from './drivers/types';

/** How requests are carried out. */
export interface DeviceRequestDeps {
  db: Db;
  drivers: readonly Driver[];
  /** Per-request timeout of detection and the poll. */
  timeoutMs: number;
  /** Connect check timeout of a scan. */
  connectTimeoutMs: number;
  /** Addresses a scan checks at once. */
  scanConcurrency: number;
  now: () => number;
  signal?: AbortSignal;
}

/** What one request came to: a result, or the reason it failed. */
export type RequestOutcome = { result: ProbeResult | ScanResult; progress?: ScanProgress } | { error: string };

function foundDevice(
  hit: Pick<ScanHit, 'address' | 'port' | 'driver' | 'identity' | 'reading' | 'error'>,
  known: Map<string, { id: number; name: string }>,
): FoundDevice {
  // The collector's verdict: a device whose reading it would refuse is listed with that error, not its values.
  const { reading: r, error } = checkedOutcome({ reading: hit.reading, error: hit.error });
  const driver = hit.driver!;
  return {
    address: hit.address,
    port: hit.port,
    driver: driver.name,
    make: r?.make || hit.identity?.make || null,
    model: r?.model || hit.identity?.model || null,
    firmware: r?.firmware || hit.identity?.firmware || null,
    algorithm: r?.algorithm ?? (driver.name === 'gpu-agent' ? 'unknown' : 'sha256'),
    hashrateThs: r && r.algorithm !== null ? r.hashrateThs : null,
    pollError: r ? null : (error?.toLine() ?? null),
    knownRig: known.get(`${hit.address}:${hit.port}`) ?? null,
  };
}

async function runProbe(p: ProbePayload, deps: DeviceRequestDeps): Promise<RequestOutcome> {
  const spec = p.port === null ? { protocol: 'tcp' as const, host: p.address, port: null } : specFor(p.address, p.port, deps.drivers);
  const { detection, reading, error } = await probeDevice(spec, { timeoutMs: deps.timeoutMs, drivers: deps.drivers });
  if (deps.signal?.aborted) return { error: 'the collector stopped before the probe finished; start it again' };
  const endpoint = formatEndpoint(detection.protocol === 'http' ? 'http' : 'tcp', p.address, detection.port || (p.port ?? 4028));
  if (detection.status === 'unrecognised') {
    recordUnrecognised(
      deps.db,
      { address: p.address, port: detection.port, protocol: detection.protocol ?? 'tcp', raw: detection.raw },
      deps.now(),
    );
    const { line, unrecognised } = probeFailureLine(endpoint, { detection, error });
    return { error: unrecognised ? `${line}; its replies were kept for a support request` : line };
  }
  if (detection.status !== 'recognised') return { error: `${p.address}: ${error?.toLine() ?? 'no answer'}` };
  const device = foundDevice(
    { address: p.address, port: detection.port, driver: detection.driver, identity: detection.identity, reading, error },
    rigsByEndpoint(deps.db),
  );
  return { result: { kind: 'probe', siteId: p.siteId, device } };
}

async function runScan(p: ScanPayload, deps: DeviceRequestDeps, onProgress: (p: ScanProgress) => void): Promise<RequestOutcome> {
  const range = parseIpv4Range(p.range, MAX_WEB_SCAN_ADDRESSES);
  let last: ScanProgress = { done: 0, total: range.count, found: 0 };
  onProgress(last);
  const scan = await scanRange({
    range,
    ports: p.ports,
    concurrency: deps.scanConcurrency,
    connectTimeoutMs: deps.connectTimeoutMs,
    timeoutMs: deps.timeoutMs,
    drivers: deps.drivers,
    signal: deps.signal,
    onProgress: (prog) => {
      last = prog;
      onProgress(prog);
    },
  });
  if (deps.signal?.aborted) return { error: `the collector stopped after ${last.done} of ${last.total} addresses; start the scan again` };
  const known = rigsByEndpoint(deps.db);
  const hits = scan.hits.filter((h) => h.status === 'recognised').map((h) => foundDevice(h, known));
  const unrecognised = scan.hits.filter((h) => h.status === 'unrecognised');
  const nowMs = deps.now();
  for (const h of unrecognised)
    recordUnrecognised(deps.db, { address: h.address, port: h.port, protocol: h.protocol ?? 'tcp', raw: h.raw }, nowMs);
  const answered = new Set(scan.hits.map((h) => h.address));
  return {
    result: {
      kind: 'scan',
      siteId: p.siteId,
      range: p.range,
      ports: p.ports,
      addresses: scan.addresses,
      hits,
      unrecognised: unrecognised.map((h) => ({ address: h.address, port: h.port, protocol: h.protocol ?? 'tcp' })),
      silentAddresses: scan.addresses - answered.size,
      durationMs: scan.durationMs,
    },
    progress: { done: last.done, total: last.total, found: scan.hits.length },
  };
}

/**
 * Carries out a stored request; never throws. The payload is validated again (anything may have
 * written the row), so a garbage one fails with the same message the API would have given.
 */
export async function carryOutDeviceRequest(
  kind: string,
  payload: unknown,
  deps: DeviceRequestDeps,
  onProgress: (p: ScanProgress) => void,
): Promise<RequestOutcome> {
  const body = typeof payload === 'object' && payload !== null ? { ...payload, kind } : payload;
  const parsed = parseDeviceRequestInput(body, (id) => siteExists(deps.db, id));
  if (!parsed.ok) return { error: parsed.error.join('; ') };
  try {
    const input = parsed.value;
    return input.kind === 'probe' ? await runProbe(input, deps) : await runScan(input, deps, onProgress);
  } catch (err) {
    return { error: `unexpected: ${err instanceof Error ? err.message : String(err)}` };
  }
}
