/**
 * lolMiner driver: one GET /summary on its HTTP API. The API port is whatever the operator passed with
 * --apiport (no fixed default); 4069 is the one the demo fleet uses.
 */
import { deviceHttp, describeUrl } from '../http/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeGpuRig } from '../gpu-miner/reading';
import { isLolminerSummary, lolminerFirmware, lolminerFromReply, lolminerGpuNames, LOLMINER_SUMMARY_PATH } from './parse';

/** A 2xx /summary whose JSON is lolMiner's (T-Rex answers the same path with another shape). */
export function identifyLolminer(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[LOLMINER_SUMMARY_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isLolminerSummary(reply.json)) return null;
  const { make, model } = describeGpuRig(lolminerGpuNames(reply.json), null);
  return { driver: 'lolminer', make, model, firmware: lolminerFirmware(reply.json) };
}

/** lolMiner (AMD/NVIDIA GPU miner) over its HTTP API (protocols.md §2.3). */
export const lolminerDriver: Driver = {
  ...driverKind('lolminer'),
  maxRequestsPerPoll: 1, // /summary
  probePath: LOLMINER_SUMMARY_PATH,
  identify: identifyLolminer,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: LOLMINER_SUMMARY_PATH });
    return lolminerFromReply(reply, describeUrl(target, LOLMINER_SUMMARY_PATH), { modelHint: target.modelHint ?? null });
  },
};
