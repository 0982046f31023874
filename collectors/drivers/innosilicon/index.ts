/**
 * Innosilicon T2 driver: the web API on port 80 with HTTP Basic auth, as foreman queries it. `/api/overview`
 * names the machine; `/api/summary` (unverified for the T2, see parse.ts) carries the hash rate. Both are
 * required: without the summary there is nothing to chart. Newer Innosilicon firmware logs in with
 * POST /api/auth for a JWT instead (pyasic); this driver does not, and reports 'auth' there.
 */
import { obj, str } from '../cgminer-tcp/coerce';
import { DRAGONMINT_TYPES } from '../dragonmint/parse';
import { halongRequest, identifyDragonmint } from '../dragonmint';
import { driverKind, type DeviceCredentials, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { parseInnosilicon, parseInnosiliconOverview } from './parse';

/** Factory web login (pyasic's default_innosilicon_web_password "admin", user "admin"). */
export const INNOSILICON_DEFAULT_CREDENTIALS: DeviceCredentials = { username: 'admin', password: 'admin' };

/**
 * An `/api/overview` with `"success": true`, a type and a version block (platform_v or hwver). The
 * DragonMint T1 firmware answers the same overview (type "T1"), so DragonMint types (T1, B29, B52) and
 * anything the DragonMint driver claims are left to it.
 */
export function identifyInnosilicon(probe: ProbeReplies): Identity | null {
  const overview = obj(probe.http?.['/api/overview']?.json);
  if (!overview || overview.success !== true) return null;
  const version = obj(overview.version);
  if (!version || (str(version.platform_v) === null && str(version.hwver) === null)) return null;
  const type = str(overview.type);
  if (!type || DRAGONMINT_TYPES.includes(type.toLowerCase()) || identifyDragonmint(probe)) return null;
  const o = parseInnosiliconOverview(overview);
  return { driver: 'innosilicon', make: 'Innosilicon', model: o.model, firmware: o.firmware };
}

/** Innosilicon over its web API on 80/TCP. */
export const innosiliconDriver: Driver = {
  ...driverKind('innosilicon'),
  maxRequestsPerPoll: 2, // /api/overview, /api/summary
  probePath: '/api/overview',
  identify: identifyInnosilicon,
  async poll(target: PollTarget) {
    const overview = await halongRequest(target, '/api/overview', INNOSILICON_DEFAULT_CREDENTIALS);
    const summary = await halongRequest(target, '/api/summary', INNOSILICON_DEFAULT_CREDENTIALS);
    return parseInnosilicon({ overview, summary }, { modelHint: target.modelHint ?? null });
  },
};
