/**
 * One device, end to end: detect (or take the named driver), then poll it once. Bounded in time: when
 * nothing at all has answered within the timeout the whole probe stops there, so an unreachable or silent
 * device costs one timeout, not one per port and command; a device that answers gets up to four.
 */
import type { Reading } from '../../lib/domain/reading';
import { DeviceError, type Driver, type PollTarget } from '../drivers/types';
import { detectDevice, type Detection } from './detect';
import type { DeviceSpec } from '../../lib/net/device-spec';

/** What probing found. */
export interface ProbeResult {
  detection: Detection;
  reading: Reading | null;
  /** Why there is no reading (unreachable, unrecognised, or the poll failed). */
  error: DeviceError | null;
}

/** How to probe. */
export interface ProbeOptions {
  timeoutMs: number;
  drivers: readonly Driver[];
  /** Skip detection and read with this driver. */
  driver?: Driver;
  credentials?: PollTarget['credentials'];
}

/** Detects and polls; never throws for device trouble (it is in the result). */
export async function probeDevice(spec: DeviceSpec, opts: ProbeOptions): Promise<ProbeResult> {
  const controller = new AbortController();
  let answered = false;
  const raw: Detection['raw'] = [];
  const recorder = (label: string, text: string) => {
    answered = true;
    raw.push({ label, raw: text });
  };
  const silentTimer = setTimeout(() => {
    if (!answered) controller.abort();
  }, opts.timeoutMs);
  const hardTimer = setTimeout(() => controller.abort(), opts.timeoutMs * 4);
  const aborted = (): DeviceError =>
    answered
      ? new DeviceError('timeout', `the device answered but did not finish within ${(opts.timeoutMs * 4) / 1000} s`)
      : new DeviceError('timeout', `no reply within ${opts.timeoutMs / 1000} s`);
  try {
    let detection: Detection;
    if (opts.driver) {
      const d = opts.driver;
      const port = spec.port ?? d.defaultPort;
      detection = { status: 'recognised', address: spec.host, port, protocol: d.protocol, identity: null, driver: d, raw, error: null };
    } else {
      const found = await detectDevice(spec, { timeoutMs: opts.timeoutMs, drivers: opts.drivers, signal: controller.signal, credentials: opts.credentials });
      for (const r of found.raw) recorder(r.label, r.raw);
      detection = { ...found, raw };
      if (found.error?.kind === 'aborted') detection.error = aborted();
      if (found.status !== 'recognised') return { detection, reading: null, error: detection.error };
    }
    try {
      const reading = await detection.driver!.poll({
        address: spec.host,
        port: detection.port,
        timeoutMs: opts.timeoutMs,
        signal: controller.signal,
        credentials: opts.credentials ?? null,
        recorder,
      });
      return { detection, reading, error: null };
    } catch (err) {
      const e = err instanceof DeviceError ? (err.kind === 'aborted' ? aborted() : err) : new DeviceError('unexpected', (err as Error).message);
      return { detection, reading: null, error: e };
    }
  } catch (err) {
    const e = err instanceof DeviceError ? (err.kind === 'aborted' ? aborted() : err) : new DeviceError('unexpected', (err as Error).message);
    return {
      detection: { status: 'unreachable', address: spec.host, port: spec.port ?? 0, protocol: null, identity: null, driver: null, raw, error: e },
      reading: null,
      error: e,
    };
  } finally {
    clearTimeout(silentTimer);
    clearTimeout(hardTimer);
  }
}
