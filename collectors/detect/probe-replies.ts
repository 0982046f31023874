/**
 * Collecting what drivers need to recognise a device, per protocol. I/O only: identification itself is
 * the drivers' pure identify(). A refused first request means nothing listens there; later failures only
 * leave that reply out.
 */
import { btminerV3Query, withBtminerV3 } from '../drivers/btminer-v3/client';
import { cgminerQuery, cgminerQueryRaw } from '../drivers/cgminer-tcp/client';
import { deviceHttp } from '../drivers/http/client';
import { jsonrpcQuery } from '../drivers/jsonrpc-tcp/client';
import { MINER_GETSTAT1 } from '../drivers/phoenixminer/parse';
import {
  DeviceError,
  isGoneQuiet,
  type Driver,
  type DriverProtocol,
  type HttpProbeReply,
  type PollTarget,
  type ProbeReplies,
} from '../drivers/types';
import { err, ok, type Result } from '../../lib/util/result';

/** The probe replies, or the error that says nothing usable answered. */
export type ProbeOutcome = Result<ProbeReplies, DeviceError>;

/** Error of a request that should not stop the probe: anything but an abort. */
function soft(err: unknown): DeviceError {
  if (err instanceof DeviceError) {
    if (err.kind === 'aborted') throw err;
    return err;
  }
  throw err;
}

const CGMINER_PROBE_COMMANDS = ['version', 'stats', 'devdetails', 'summary'] as const;

/** The most requests one protocol's probe sends (cgminer: its commands and btminer's get_version). Pure. */
export function probeRequestCount(protocol: DriverProtocol, drivers: readonly Driver[]): number {
  if (protocol === 'cgminer') return CGMINER_PROBE_COMMANDS.length + 1;
  if (protocol === 'http') return Math.max(1, httpProbePaths(drivers).length);
  return 1;
}

function httpProbePaths(drivers: readonly Driver[]): string[] {
  return [...new Set(drivers.filter((d) => d.protocol === 'http' && d.probePath).map((d) => d.probePath!))];
}

/** cgminer: version, stats, devdetails, summary (whatever the firmware answers). */
export async function probeCgminer(target: PollTarget): Promise<ProbeOutcome> {
  const bodies: Record<string, object | null> = {};
  let firstError: DeviceError | null = null;
  let quiet = false;
  for (const command of CGMINER_PROBE_COMMANDS) {
    if (quiet) {
      bodies[command] = null;
      continue;
    }
    try {
      bodies[command] = (await cgminerQuery(target, command)).body;
    } catch (err) {
      const e = soft(err);
      // An API error is still an answer (e.g. Whatsminer without `version`): keep going.
      if (e.kind === 'api-error') {
        bodies[command] = null;
        continue;
      }
      firstError ??= e;
      bodies[command] = null;
      if (isGoneQuiet(e)) quiet = true;
    }
  }
  if (Object.values(bodies).every((b) => b === null)) {
    // A btminer that rejects every cgminer command still answers {"cmd":"get_version"} style requests.
    if (firstError === null) {
      try {
        const body = (await cgminerQueryRaw(target, { cmd: 'get_version' }, 'get_version')).body;
        bodies.version = body;
      } catch (err) {
        firstError = soft(err);
      }
    }
    if (bodies.version === null) return err(firstError ?? new DeviceError('unexpected', 'no reply to any cgminer command'));
  }
  return ok({ cgminer: { version: bodies.version, stats: bodies.stats, devdetails: bodies.devdetails, summary: bodies.summary } });
}

/** http: one GET of each driver's probePath. */
export async function probeHttp(target: PollTarget, drivers: readonly Driver[]): Promise<ProbeOutcome> {
  const paths = httpProbePaths(drivers);
  const http: Record<string, HttpProbeReply> = {};
  let firstError: DeviceError | null = null;
  for (const path of paths) {
    try {
      const reply = await deviceHttp(target, { path });
      let json: unknown = null;
      try {
        json = JSON.parse(reply.text.trim());
      } catch {
        json = null;
      }
      const auth = reply.headers['www-authenticate'];
      http[path] = {
        status: reply.status,
        wwwAuthenticate: Array.isArray(auth) ? auth.join(', ') : (auth ?? null),
        json,
        text: reply.text,
      };
    } catch (err) {
      const e = soft(err);
      firstError ??= e;
      if (isGoneQuiet(e)) break;
    }
  }
  if (Object.keys(http).length === 0) return err(firstError ?? new DeviceError('unexpected', 'no HTTP driver to probe with'));
  return ok({ http });
}

/** jsonrpc: Claymore/PhoenixMiner's miner_getstat1 (miniZ and excavator use other methods: name their driver). */
export async function probeJsonrpc(target: PollTarget): Promise<ProbeOutcome> {
  try {
    return ok({ jsonrpc: await jsonrpcQuery(target, MINER_GETSTAT1, 'miner_getstat1') });
  } catch (cause) {
    return err(soft(cause));
  }
}

/** btminer-v3: Whatsminer API v3's get.device.info (names the model and firmware). */
export async function probeBtminerV3(target: PollTarget): Promise<ProbeOutcome> {
  try {
    const reply = await withBtminerV3(target, (conn) => btminerV3Query(conn, 'get.device.info'));
    return ok({ btminerV3: reply.body });
  } catch (cause) {
    return err(soft(cause));
  }
}
