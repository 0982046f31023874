/**
 * Auto-detection: given a device spec, find which protocol answers on which port, collect the probe
 * replies and ask each driver of that protocol (in registry order) whether it recognises them. Every raw
 * reply is kept, so an unrecognised device can be reported with what it said.
 */
import type { RawReply } from '../../lib/db/mutations/record-unrecognised';
import {
  DeviceError,
  type DeviceErrorKind,
  type Driver,
  type DriverProtocol,
  type Identity,
  type PollTarget,
  type ProbeReplies,
} from '../drivers/types';
import { probeBtminerV3, probeCgminer, probeHttp, probeJsonrpc, probeRequestCount, type ProbeOutcome } from './probe-replies';
import type { DeviceSpec } from '../../lib/net/device-spec';

/** How to detect. */
export interface DetectOptions {
  timeoutMs: number;
  drivers: readonly Driver[];
  signal?: AbortSignal;
  credentials?: PollTarget['credentials'];
  /** Called as reply bytes arrive, complete or not (the probe tells a slow device from a silent one). */
  onReplyBytes?: (bytes: number) => void;
}

/** What detection found. */
export interface Detection {
  status: 'recognised' | 'unrecognised' | 'unreachable';
  address: string;
  port: number;
  protocol: DriverProtocol | null;
  identity: Identity | null;
  driver: Driver | null;
  raw: RawReply[];
  /** Why nothing answered (unreachable) or the first error met (unrecognised). */
  error: DeviceError | null;
}

interface Attempt {
  protocol: DriverProtocol;
  port: number;
}

/** Errors that show something listens on the port even though the protocol failed. */
const ANSWERED_KINDS: ReadonlySet<DeviceErrorKind> = new Set(['garbage', 'truncated', 'too-large', 'reset', 'closed']);

/** Ports tried when the operator gives none: cgminer API, Whatsminer API v3, web UI. */
export const DEFAULT_ATTEMPTS: readonly Attempt[] = [
  { protocol: 'cgminer', port: 4028 },
  { protocol: 'btminer-v3', port: 4433 },
  { protocol: 'http', port: 80 },
];

/** The protocols to try, in order, for a spec. */
export function attemptsFor(spec: DeviceSpec): Attempt[] {
  if (spec.protocol === 'http') return [{ protocol: 'http', port: spec.port }];
  if (spec.port === null) return [...DEFAULT_ATTEMPTS];
  const p = spec.port;
  const order: DriverProtocol[] =
    p === 4433
      ? ['btminer-v3', 'cgminer', 'jsonrpc']
      : p === 3333
        ? ['jsonrpc', 'cgminer', 'btminer-v3']
        : ['cgminer', 'btminer-v3', 'jsonrpc'];
  return order.map((protocol) => ({ protocol, port: p }));
}

/** The attempts detection makes for `spec` with these drivers. */
function attemptsWith(spec: DeviceSpec, drivers: readonly Driver[]): Attempt[] {
  return attemptsFor(spec).filter((a) => drivers.some((d) => d.protocol === a.protocol));
}

/**
 * The most requests detection sends for `spec`, each bounded by the request timeout: with it, detection's
 * deadline. Pure.
 */
export function detectionRequestCount(spec: DeviceSpec, drivers: readonly Driver[]): number {
  return attemptsWith(spec, drivers).reduce((n, a) => n + probeRequestCount(a.protocol, drivers), 0);
}

function runProbe(protocol: DriverProtocol, target: PollTarget, drivers: readonly Driver[]): Promise<ProbeOutcome> {
  if (protocol === 'cgminer') return probeCgminer(target);
  if (protocol === 'http') return probeHttp(target, drivers);
  if (protocol === 'jsonrpc') return probeJsonrpc(target);
  return probeBtminerV3(target);
}

/** The first driver of `protocol` that recognises the replies. Pure. */
export function identifyFrom(
  protocol: DriverProtocol,
  probe: ProbeReplies,
  drivers: readonly Driver[],
): { driver: Driver; identity: Identity } | null {
  for (const driver of drivers) {
    if (driver.protocol !== protocol || !driver.identify) continue;
    const identity = driver.identify(probe);
    if (identity) return { driver, identity };
  }
  return null;
}

/**
 * Detects the device. Tries each protocol/port in turn: a refusal moves on to the next port, an unreachable
 * host ends detection, an answer that no driver recognises is 'unrecognised' (unless a later protocol on
 * the same port is recognised). Any byte back, or a reset or close, counts as an answer: the error then
 * says what the device did.
 */
export async function detectDevice(spec: DeviceSpec, opts: DetectOptions): Promise<Detection> {
  const raw: RawReply[] = [];
  const recorder = (label: string, text: string) => raw.push({ label, raw: text });
  let answered: { protocol: DriverProtocol; port: number; error: DeviceError | null } | null = null;
  let lastError: DeviceError | null = null;
  const refusedPorts = new Set<number>();
  const attempts = attemptsWith(spec, opts.drivers);
  for (const attempt of attempts) {
    if (refusedPorts.has(attempt.port)) continue;
    let attemptBytes = 0;
    const target: PollTarget = {
      address: spec.host,
      port: attempt.port,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      credentials: opts.credentials ?? null,
      recorder,
      onReplyBytes: (bytes) => {
        attemptBytes += bytes;
        opts.onReplyBytes?.(bytes);
      },
    };
    const rawBefore = raw.length;
    const outcome = await runProbe(attempt.protocol, target, opts.drivers);
    if (!outcome.ok) {
      lastError = outcome.error;
      if (outcome.error.kind === 'refused') refusedPorts.add(attempt.port);
      // Bytes came back (garbage, an error reply, too many, too slowly), or it hung up on us: something is there.
      if (raw.length > rawBefore || attemptBytes > 0 || ANSWERED_KINDS.has(outcome.error.kind)) {
        answered ??= { protocol: attempt.protocol, port: attempt.port, error: outcome.error };
      }
      // No route to the host: no other port of it can answer either.
      if (outcome.error.kind === 'unreachable' && !answered) break;
      continue;
    }
    const found = identifyFrom(attempt.protocol, outcome.value, opts.drivers);
    if (found) {
      return { status: 'recognised', address: spec.host, port: attempt.port, protocol: attempt.protocol, ...found, raw, error: null };
    }
    answered ??= { protocol: attempt.protocol, port: attempt.port, error: null };
  }
  if (answered) {
    return {
      status: 'unrecognised',
      address: spec.host,
      port: answered.port,
      protocol: answered.protocol,
      identity: null,
      driver: null,
      raw,
      error: answered.error,
    };
  }
  const tried = [...new Set(attempts.map((a) => a.port))];
  const allRefused = tried.length > 0 && tried.every((p) => refusedPorts.has(p));
  const plural = tried.length > 1 ? 's' : '';
  return {
    status: 'unreachable',
    address: spec.host,
    port: tried[0] ?? 0,
    protocol: null,
    identity: null,
    driver: null,
    raw,
    error:
      allRefused || !lastError
        ? new DeviceError('refused', `nothing answers on ${spec.host} port${plural} ${tried.join(', ')} (connection refused)`)
        : lastError,
  };
}
