/**
 * The gpu-agent's JSON reply (GET /api/v1/gpus), rendered by one function that both the real agent and the
 * simulated one use, so the driver reads the same shape from either.
 */
import pkg from '../../package.json';
import type { NvidiaGpu } from './nvidia-smi';
import type { ListedGpu } from './nvidia-smi-list';

/** The agent's name in every reply: what the gpu-agent driver's identify() keys on. */
export const GPU_AGENT_NAME = 'hashwatt-gpu-agent';
/** Version of the agent (the Hashwatt release it ships with). */
export const GPU_AGENT_VERSION: string = pkg.version;
export const GPU_AGENT_PATH = '/api/v1/gpus';
export const GPU_AGENT_HEALTH_PATH = '/healthz';
export const GPU_AGENT_DEFAULT_PORT = 9105;

/** What GET /api/v1/gpus answers: 200 with the GPUs, or 503 with `error` and no GPUs. */
export interface GpuAgentReply {
  agent: typeof GPU_AGENT_NAME;
  version: string;
  hostname: string;
  /** When nvidia-smi was run (the agent runs it at most once a second). */
  sampledAtMs: number;
  gpus: NvidiaGpu[];
  /** Why there are no GPUs: nvidia-smi missing, failing or printing something else. */
  error?: string;
}

/** One sample as the agent took it. */
export interface GpuSample {
  hostname: string;
  sampledAtMs: number;
  gpus: NvidiaGpu[];
  error?: string | null;
}

/** The reply body for a sample; key order is the documented one. */
export function renderGpuAgentReply(sample: GpuSample): GpuAgentReply {
  const reply: GpuAgentReply = {
    agent: GPU_AGENT_NAME,
    version: GPU_AGENT_VERSION,
    hostname: sample.hostname,
    sampledAtMs: sample.sampledAtMs,
    gpus: sample.error ? [] : sample.gpus,
  };
  if (sample.error) reply.error = sample.error;
  return reply;
}

/** The GPUs with the MIG instances `nvidia-smi -L` lists for them (matched by UUID, else by index). */
export function withMigDevices(gpus: NvidiaGpu[], listed: ListedGpu[]): NvidiaGpu[] {
  return gpus.map((gpu) => {
    const entry = listed.find((l) => (gpu.uuid ? l.uuid === gpu.uuid : l.index === gpu.index));
    return entry && entry.mig.length > 0 ? { ...gpu, mig: entry.mig } : gpu;
  });
}

/** Body of the agent's 404 (any path or method other than GET /api/v1/gpus and GET /healthz). */
export function notFoundBody(method: string, path: string): { agent: typeof GPU_AGENT_NAME; error: string } {
  return { agent: GPU_AGENT_NAME, error: `no ${method} ${path} here (GET ${GPU_AGENT_PATH}, GET ${GPU_AGENT_HEALTH_PATH})` };
}
