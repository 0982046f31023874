/**
 * Halong DragonMint T1 driver: the web API on port 80 with HTTP Basic auth (protocols.md §1.10).
 * `/api/summary` is required; `/api/overview` (firmware version, type) is optional.
 */
import { obj, str } from '../cgminer-tcp/coerce';
import { sectionRows } from '../cgminer-tcp/lenient-json';
import { deviceJson } from '../http/client';
import { DeviceError, driverKind, type DeviceCredentials, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { DRAGONMINT_TYPES, dragonmintModel, overviewFirmware, parseDragonmint } from './parse';

/** Factory web login of the DragonMint T1. unverified: from the vendor's manual, not a capture. */
export const DRAGONMINT_DEFAULT_CREDENTIALS: DeviceCredentials = { username: 'admin', password: 'dragonadmin' };

/** `Authorization: Basic …` for the target's credentials (or the family's default). */
export function basicAuthHeader(credentials: DeviceCredentials): Record<string, string> {
  const token = Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64');
  return { authorization: `Basic ${token}` };
}

/**
 * POST with an empty body, as foreman's working client queries this API (Query.restQuery sends POST).
 * unverified: whether the firmware also answers GET (the scanner's probe uses GET).
 */
export function halongRequest(target: PollTarget, path: string, fallback: DeviceCredentials): Promise<unknown> {
  return deviceJson(target, { method: 'POST', path, body: '', headers: basicAuthHeader(target.credentials ?? fallback) });
}

/** The reply, or null when the request failed for any reason but an abort (optional requests). */
export async function optionalJson(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DeviceError) || err.kind === 'aborted') throw err;
    return null;
  }
}

/**
 * A `/api/summary` with `"success": true` whose DEVS rows are named "DT<n>" (DragonMint T1 boards), or a
 * `/api/overview` whose type is a DragonMint one (T1, B29, B52) next to a summary with DEVS rows.
 */
export function identifyDragonmint(probe: ProbeReplies): Identity | null {
  const summary = obj(probe.http?.['/api/summary']?.json);
  const overview = obj(probe.http?.['/api/overview']?.json);
  if (!summary || summary.success !== true) return null;
  const names = sectionRows(summary, 'DEVS')
    .map((r) => str(r.Name))
    .filter((n): n is string => n !== null);
  const named = names.some((n) => /^DT\d+$/i.test(n));
  const typed = names.length > 0 && DRAGONMINT_TYPES.includes(str(overview?.type)?.toLowerCase() ?? '');
  if (!named && !typed) return null;
  return { driver: 'dragonmint', make: 'Halong', model: dragonmintModel(names, overview, null), firmware: overviewFirmware(overview) };
}

/** Halong DragonMint over its web API on 80/TCP. */
export const dragonmintDriver: Driver = {
  ...driverKind('dragonmint'),
  maxRequestsPerPoll: 2, // /api/summary, /api/overview
  probePath: '/api/summary',
  identify: identifyDragonmint,
  async poll(target: PollTarget) {
    const summary = await halongRequest(target, '/api/summary', DRAGONMINT_DEFAULT_CREDENTIALS);
    const overview = await optionalJson(() => halongRequest(target, '/api/overview', DRAGONMINT_DEFAULT_CREDENTIALS));
    return parseDragonmint({ summary, overview }, { modelHint: target.modelHint ?? null });
  },
};
