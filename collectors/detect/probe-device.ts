/**
 * One device, end to end: detect (or take the named driver), then poll it once. Bounded in time: when
 * nothing at all has come back within the timeout the whole probe stops there, so an unreachable or silent
 * device costs one timeout, not one per port and command. A device that sends anything, however slowly or
 * wrongly, is heard out: detection within its own bound (request timeout x its requests), then the poll
 * within the driver's (request timeout x the driver's requests), and the error says what the device did.
 */
import type { Reading } from '../../lib/domain/reading';
import { pollWithDeadline } from '../drivers/poll-deadline';
import { DeviceError, type Driver, type PollTarget } from '../drivers/types';
import { detectDevice, detectionRequestCount, type Detection } from './detect';
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
  /** Why the probe was stopped early, for the message that replaces the aborted request's. */
  let stoppedBecause: DeviceError | null = null;
  const stop = (why: DeviceError) => {
    stoppedBecause ??= why;
    controller.abort();
  };
  let heard = false;
  const onReplyBytes = () => (heard = true);
  const raw: Detection['raw'] = [];
  const recorder = (label: string, text: string) => {
    heard = true;
    raw.push({ label, raw: text });
  };
  const silentTimer = setTimeout(() => {
    if (!heard) stop(new DeviceError('timeout', `no reply within ${opts.timeoutMs / 1000} s`));
  }, opts.timeoutMs);
  const explain = (err: unknown): DeviceError => {
    if (err instanceof DeviceError) return err.kind === 'aborted' && stoppedBecause ? stoppedBecause : err;
    return new DeviceError('unexpected', err instanceof Error ? err.message : String(err));
  };
  let detectTimer: NodeJS.Timeout | undefined;
  try {
    let detection: Detection;
    if (opts.driver) {
      const d = opts.driver;
      const port = spec.port ?? d.defaultPort;
      detection = { status: 'recognised', address: spec.host, port, protocol: d.protocol, identity: null, driver: d, raw, error: null };
    } else {
      const requests = detectionRequestCount(spec, opts.drivers);
      const detectMs = opts.timeoutMs * requests;
      detectTimer = setTimeout(
        () =>
          stop(new DeviceError('timeout', `detection did not finish within ${detectMs} ms (${requests} requests x ${opts.timeoutMs} ms)`)),
        detectMs,
      );
      const found = await detectDevice(spec, {
        timeoutMs: opts.timeoutMs,
        drivers: opts.drivers,
        signal: controller.signal,
        credentials: opts.credentials,
        onReplyBytes,
      });
      clearTimeout(detectTimer);
      for (const r of found.raw) recorder(r.label, r.raw);
      detection = { ...found, raw };
      if (found.error) detection.error = explain(found.error);
      if (found.status !== 'recognised') return { detection, reading: null, error: detection.error };
    }
    try {
      const reading = await pollWithDeadline(detection.driver!, {
        address: spec.host,
        port: detection.port,
        timeoutMs: opts.timeoutMs,
        signal: controller.signal,
        credentials: opts.credentials ?? null,
        recorder,
        onReplyBytes,
      });
      return { detection, reading, error: null };
    } catch (err) {
      return { detection, reading: null, error: explain(err) };
    }
  } catch (err) {
    const e = explain(err);
    return {
      detection: {
        status: 'unreachable',
        address: spec.host,
        port: spec.port ?? 0,
        protocol: null,
        identity: null,
        driver: null,
        raw,
        error: e,
      },
      reading: null,
      error: e,
    };
  } finally {
    clearTimeout(silentTimer);
    clearTimeout(detectTimer);
  }
}
