/**
 * The Hashwatt gpu-agent's GET /api/v1/gpus reply -> Reading. Pure. The agent knows what the GPUs draw and
 * how hot and busy they are, not what they hash: hashrateThs is 0 and algorithm null.
 */
import { efficiencyJth, type BoardReading, type Reading } from '../../../lib/domain/reading';
import { GPU_AGENT_NAME } from '../../gpu-agent/reply';
import { maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { DeviceError } from '../types';
import { gpuHostStatus, gpuModelName } from './status';

/** One GPU of the reply, as far as the driver needs it. */
interface AgentGpu {
  index: number;
  name: string;
  tempC: number | null;
  powerW: number | null;
  utilizationPct: number | null;
  clocksEventReasons: number | null;
}

/** The reply object when it is the agent's, else null. */
export function agentReply(body: unknown): Record<string, unknown> | null {
  const reply = obj(body);
  return reply && reply.agent === GPU_AGENT_NAME ? reply : null;
}

/** The GPUs of an agent reply in index order; DeviceError 'unexpected' when one is malformed. */
export function agentGpus(reply: Record<string, unknown>): AgentGpu[] {
  if (!Array.isArray(reply.gpus)) throw new DeviceError('unexpected', 'gpu-agent reply has no "gpus" list');
  const gpus = reply.gpus.map((raw, i): AgentGpu => {
    const g = obj(raw);
    const index = num(g?.index);
    const name = str(g?.name);
    if (!g || index === null || !Number.isInteger(index) || index < 0 || name === null) {
      throw new DeviceError('unexpected', `gpu-agent reply: gpus[${i}] has no GPU index and name`);
    }
    return {
      index,
      name,
      tempC: validTempC(g.tempC),
      powerW: nonNegative(g.powerW),
      utilizationPct: nonNegative(g.utilizationPct),
      clocksEventReasons: bitmask(g.clocksEventReasons),
    };
  });
  return gpus.sort((a, b) => a.index - b.index);
}

function nonNegative(v: unknown): number | null {
  const n = num(v);
  return n !== null && n >= 0 ? n : null;
}

function bitmask(v: unknown): number | null {
  const n = num(v);
  return n !== null && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** "hashwatt-gpu-agent 0.1.0". */
export function agentFirmware(reply: Record<string, unknown>): string {
  const version = str(reply.version);
  return version ? `${GPU_AGENT_NAME} ${version}` : GPU_AGENT_NAME;
}

/** Normalizes an agent reply into a Reading (boards = GPUs in index order, power = sum of power.draw). */
export function parseGpuAgent(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  const reply = agentReply(body);
  if (!reply) throw new DeviceError('unexpected', `reply is not from ${GPU_AGENT_NAME} (no "agent": "${GPU_AGENT_NAME}")`);
  const error = str(reply.error);
  const gpus = agentGpus(reply);
  if (gpus.length === 0) {
    if (error) throw new DeviceError('api-error', `gpu-agent: ${error}`);
    throw new DeviceError('unexpected', 'gpu-agent reports no GPUs (nvidia-smi lists none on that host)');
  }
  const powers = gpus.map((g) => g.powerW).filter((p): p is number => p !== null);
  const powerW = powers.length ? powers.reduce((a, b) => a + b, 0) : null;
  const boards: BoardReading[] = gpus.map((g, i) => ({ index: i, hashrateThs: null, chips: null, tempC: g.tempC }));
  return {
    driver: 'gpu-agent',
    make: 'NVIDIA',
    model: gpuModelName(gpus.map((g) => g.name)) ?? opts.modelHint ?? 'NVIDIA GPUs',
    firmware: agentFirmware(reply),
    status: gpuHostStatus(gpus),
    hashrateThs: 0,
    expectedHashrateThs: null,
    powerW,
    powerSource: powerW !== null ? 'firmware' : null,
    efficiencyJth: efficiencyJth(powerW, 0),
    boards,
    tempMaxC: maxOf(boards.map((b) => b.tempC)),
    fansRpm: [], // nvidia-smi reports fan speed in %, not RPM
    pools: [],
    uptimeS: null,
    hardwareErrors: null,
    algorithm: null,
  };
}
