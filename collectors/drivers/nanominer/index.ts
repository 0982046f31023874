/** nanominer driver: one GET /stats on its web API, then the pure parser. */
import { deviceHttp, describeUrl } from '../http/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { isNanominerStats, NANOMINER_PATH, nanominerFromReply, parseNanominer } from './parse';

/** A 2xx /stats whose JSON has nanominer's Algorithms[] + Devices[] layout. */
export function identifyNanominer(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[NANOMINER_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isNanominerStats(reply.json)) return null;
  try {
    const { make, model, firmware } = parseNanominer(reply.json);
    return { driver: 'nanominer', make, model, firmware };
  } catch {
    return { driver: 'nanominer', make: 'GPU', model: 'GPU rig', firmware: 'nanominer' };
  }
}

/** nanominer (nanopool's GPU/CPU miner) over its HTTP API (protocols.md §2.3). */
export const nanominerDriver: Driver = {
  ...driverKind('nanominer'),
  maxRequestsPerPoll: 1, // its one status GET
  probePath: NANOMINER_PATH,
  identify: identifyNanominer,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: NANOMINER_PATH });
    return nanominerFromReply(reply, describeUrl(target, NANOMINER_PATH), { modelHint: target.modelHint ?? null });
  },
};
