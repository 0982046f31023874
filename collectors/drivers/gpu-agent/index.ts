/**
 * Driver of the Hashwatt gpu-agent (`hashwatt gpu-agent` on a GPU host, HTTP on 9105): one GET of
 * /api/v1/gpus. A 503 carries the agent's reason (nvidia-smi missing or failing) and becomes an api-error.
 */
import { GPU_AGENT_PATH } from '../../gpu-agent/reply';
import { describeUrl, deviceHttp, parseJsonReply } from '../http/client';
import { DeviceError, driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { agentFirmware, agentGpus, agentReply, parseGpuAgent } from './parse';
import { gpuModelName } from './status';

/** The agent names itself: {"agent": "hashwatt-gpu-agent", ...} at /api/v1/gpus (also in its 503 replies). */
export function identifyGpuAgent(probe: ProbeReplies): Identity | null {
  const reply = agentReply(probe.http?.[GPU_AGENT_PATH]?.json);
  if (!reply) return null;
  let model: string | null;
  try {
    model = gpuModelName(agentGpus(reply).map((g) => g.name));
  } catch {
    model = null;
  }
  return { driver: 'gpu-agent', make: 'NVIDIA', model: model ?? 'NVIDIA GPUs', firmware: agentFirmware(reply) };
}

/** NVIDIA GPU hosts through the Hashwatt gpu-agent (nvidia-smi, protocols.md §2.1). */
export const gpuAgentDriver: Driver = {
  ...driverKind('gpu-agent'),
  maxRequestsPerPoll: 1, // its one status GET
  probePath: GPU_AGENT_PATH,
  identify: identifyGpuAgent,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: GPU_AGENT_PATH });
    const url = describeUrl(target, GPU_AGENT_PATH);
    if (reply.status === 503) {
      let reason: string | null;
      try {
        reason = String((agentReply(JSON.parse(reply.text)) ?? {}).error ?? '') || null;
      } catch {
        reason = null;
      }
      throw new DeviceError('api-error', `${url} answered HTTP 503${reason ? `: ${reason}` : ''}`);
    }
    const body = parseJsonReply(reply, `GET ${GPU_AGENT_PATH}`, url);
    return parseGpuAgent(body, { modelHint: target.modelHint ?? null });
  },
};
