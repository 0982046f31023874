/** SRBMiner-Multi driver: one GET / on its HTTP API (default 21550), then the pure parser. */
import { deviceHttp, describeUrl } from '../http/client';
import { describeGpuRig } from '../gpu-miner/reading';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { isSrbminerStatus, parseSrbminer, SRBMINER_PATH, srbminerFirmware, srbminerFromReply } from './parse';

/** A 2xx GET / whose JSON has miner_version and SRBMiner's rate fields (hashrate_total_now, gpu_hashrate). */
export function identifySrbminer(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[SRBMINER_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isSrbminerStatus(reply.json)) return null;
  let rig: { make: string; model: string };
  try {
    rig = parseSrbminer(reply.json); // names the GPUs gpu_devices leaves out, see srbminerGpuNames
  } catch {
    rig = describeGpuRig([], null);
  }
  const { make, model } = rig;
  return { driver: 'srbminer', make, model, firmware: srbminerFirmware(reply.json) };
}

/** SRBMiner-Multi (AMD/NVIDIA/CPU miner) over its HTTP API (protocols.md §2.3). */
export const srbminerDriver: Driver = {
  ...driverKind('srbminer'),
  maxRequestsPerPoll: 1, // its one status GET
  probePath: SRBMINER_PATH,
  identify: identifySrbminer,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: SRBMINER_PATH });
    return srbminerFromReply(reply, describeUrl(target, SRBMINER_PATH), { modelHint: target.modelHint ?? null });
  },
};
