/**
 * bminer driver: GET /api/v1/status/solver (required: the hash rates), then /device (temperatures, power)
 * and /stratum (pools) as optional requests that do not cost the reading when they fail.
 */
import { deviceJson } from '../http/client';
import { DeviceError, driverKind, isGoneQuiet, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { BMINER_DEVICE_PATH, BMINER_SOLVER_PATH, BMINER_STRATUM_PATH, isBminerSolver, parseBminer } from './parse';

/** A 2xx solver reply in bminer's {"devices": {"0": {"solvers": [...]}}} shape. */
export function identifyBminer(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[BMINER_SOLVER_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isBminerSolver(reply.json)) return null;
  const gpus = Object.keys((reply.json as { devices: object }).devices).length;
  return { driver: 'bminer', make: 'GPU', model: `${gpus}x GPU`, firmware: 'bminer' };
}

/** bminer over its HTTP API v1 (protocols.md §2.3). */
export const bminerDriver: Driver = {
  ...driverKind('bminer'),
  maxRequestsPerPoll: 3, // solver, device, stratum
  probePath: BMINER_SOLVER_PATH,
  identify: identifyBminer,
  async poll(target: PollTarget) {
    const solver = await deviceJson(target, BMINER_SOLVER_PATH);
    let quiet = false;
    const optional = async (path: string): Promise<unknown> => {
      if (quiet) return null;
      try {
        return await deviceJson(target, path);
      } catch (err) {
        if (!(err instanceof DeviceError) || err.kind === 'aborted') throw err;
        if (isGoneQuiet(err)) quiet = true;
        return null;
      }
    };
    const device = await optional(BMINER_DEVICE_PATH);
    const stratum = await optional(BMINER_STRATUM_PATH);
    return parseBminer({ solver, device, stratum }, { modelHint: target.modelHint ?? null });
  },
};
