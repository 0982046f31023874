/**
 * How `hashwatt probe`, `hashwatt scan` and the settings screen's probe tell why a device gave no reading:
 * a device whose replies no driver knows is "unrecognised" (its raw replies are worth a support request);
 * one whose transport failed says what it did (reset after N bytes, too large, closed, timed out).
 */
import type { DeviceError, DeviceErrorKind } from '../drivers/types';
import type { ProbeResult } from './probe-device';

/** Errors about the exchange itself rather than what the reply said. */
const TRANSPORT_KINDS: ReadonlySet<DeviceErrorKind> = new Set([
  'timeout',
  'refused',
  'unreachable',
  'reset',
  'closed',
  'too-large',
  'truncated',
  'aborted',
]);

/** True when the error is the transport failing (no usable reply), not a reply no driver understood. */
export function isTransportFailure(error: DeviceError | null): boolean {
  return error !== null && TRANSPORT_KINDS.has(error.kind);
}

/**
 * One line for a probe without a reading, after "<command>: "; `unrecognised` when the device answered in
 * a way no driver recognises (the caller then points at the raw replies). Pure.
 */
export function probeFailureLine(
  endpoint: string,
  result: Pick<ProbeResult, 'detection' | 'error'>,
): { line: string; unrecognised: boolean } {
  const { detection, error } = result;
  if (detection.status === 'unrecognised' && !isTransportFailure(error)) {
    const why = error ? ` (${error.toLine()})` : '';
    return { line: `${endpoint} answers over ${detection.protocol} but no driver recognises it${why}`, unrecognised: true };
  }
  return { line: `${endpoint}: ${error?.toLine() ?? 'no reading'}`, unrecognised: false };
}
