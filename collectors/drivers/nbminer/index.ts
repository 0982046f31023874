/** NBMiner driver: one GET /api/v1/status on its HTTP API (default 22333). */
import { deviceHttp, describeUrl } from '../http/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeGpuRig } from '../gpu-miner/reading';
import { isNbminerStatus, nbminerFirmware, nbminerFromReply, nbminerGpuNames, NBMINER_STATUS_PATH } from './parse';

/** A 2xx /api/v1/status whose JSON is NBMiner's (see isNbminerStatus). */
export function identifyNbminer(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[NBMINER_STATUS_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isNbminerStatus(reply.json)) return null;
  const { make, model } = describeGpuRig(nbminerGpuNames(reply.json), null);
  return { driver: 'nbminer', make, model, firmware: nbminerFirmware(reply.json) };
}

/** NBMiner (NVIDIA/AMD GPU miner) over its HTTP API (protocols.md §2.3). */
export const nbminerDriver: Driver = {
  ...driverKind('nbminer'),
  maxRequestsPerPoll: 1, // /api/v1/status
  probePath: NBMINER_STATUS_PATH,
  identify: identifyNbminer,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: NBMINER_STATUS_PATH });
    return nbminerFromReply(reply, describeUrl(target, NBMINER_STATUS_PATH), {
      modelHint: target.modelHint ?? null,
      nowMs: Date.now(),
    });
  },
};
