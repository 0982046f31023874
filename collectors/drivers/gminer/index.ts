/**
 * GMiner driver: one GET /stat on its HTTP API. The API port is set with --api (no fixed default); 4070
 * is the one the demo fleet uses.
 */
import { deviceHttp, describeUrl } from '../http/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeGpuRig } from '../gpu-miner/reading';
import { gminerFirmware, gminerFromReply, gminerGpuNames, GMINER_STAT_PATH, isGminerStat } from './parse';

/** A 2xx /stat whose JSON is GMiner's (see isGminerStat). */
export function identifyGminer(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[GMINER_STAT_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isGminerStat(reply.json)) return null;
  const { make, model } = describeGpuRig(gminerGpuNames(reply.json), null);
  return { driver: 'gminer', make, model, firmware: gminerFirmware(reply.json) };
}

/** GMiner (NVIDIA/AMD GPU miner) over its HTTP API (protocols.md §2.3). */
export const gminerDriver: Driver = {
  ...driverKind('gminer'),
  maxRequestsPerPoll: 1, // /stat
  probePath: GMINER_STAT_PATH,
  identify: identifyGminer,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: GMINER_STAT_PATH });
    return gminerFromReply(reply, describeUrl(target, GMINER_STAT_PATH), { modelHint: target.modelHint ?? null });
  },
};
