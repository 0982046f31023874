/**
 * T-Rex driver: one GET /summary on the HTTP API (default 4067). The ccminer-compatible telnet API on 4068
 * (ccminer-text.ts) is not polled: it is off unless the operator enables it, and its summary has no
 * per-GPU rates, power, temperatures or pool, all of which /summary carries.
 */
import { deviceHttp, describeUrl } from '../http/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeGpuRig } from '../gpu-miner/reading';
import { isTrexSummary, trexFirmware, trexFromReply, trexGpuNames, TREX_SUMMARY_PATH } from './parse';

/** A 2xx /summary whose JSON is T-Rex's (see isTrexSummary). */
export function identifyTrex(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[TREX_SUMMARY_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isTrexSummary(reply.json)) return null;
  const { make, model } = describeGpuRig(trexGpuNames(reply.json), null);
  return { driver: 'trex', make, model, firmware: trexFirmware(reply.json) };
}

/** T-Rex NVIDIA GPU miner over its HTTP API (protocols.md §2.3). */
export const trexDriver: Driver = {
  ...driverKind('trex'),
  maxRequestsPerPoll: 1, // /summary
  probePath: TREX_SUMMARY_PATH,
  identify: identifyTrex,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: TREX_SUMMARY_PATH });
    return trexFromReply(reply, describeUrl(target, TREX_SUMMARY_PATH), { modelHint: target.modelHint ?? null });
  },
};
