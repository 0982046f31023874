/**
 * NVIDIA dcgm-exporter driver (HTTP 9400, GET /metrics, Prometheus text, protocols.md §2.2). The body is
 * text, so it goes through deviceHttp rather than deviceJson.
 */
import { describeUrl, deviceHttp } from '../http/client';
import { DeviceError, driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { parseDcgm, parseDcgmGpus } from './parse';
import { gpuModelName } from '../gpu-agent/status';

export const DCGM_PATH = '/metrics';

/** A /metrics body with DCGM_FI_* samples (any other Prometheus exporter is not ours). */
export function identifyDcgm(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[DCGM_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !reply.text.includes('DCGM_FI_')) return null;
  try {
    const gpus = parseDcgmGpus(reply.text);
    const names = gpus.map((g) => g.modelName);
    const model = names.every((n): n is string => n !== null) ? gpuModelName(names) : null;
    return { driver: 'dcgm', make: 'NVIDIA', model: model ?? `${gpus.length}x NVIDIA GPU`, firmware: 'dcgm-exporter' };
  } catch {
    return null;
  }
}

/** NVIDIA GPUs through dcgm-exporter's Prometheus endpoint. */
export const dcgmDriver: Driver = {
  ...driverKind('dcgm'),
  maxRequestsPerPoll: 1, // /metrics
  probePath: DCGM_PATH,
  identify: identifyDcgm,
  async poll(target: PollTarget) {
    const reply = await deviceHttp(target, { path: DCGM_PATH, headers: { accept: 'text/plain; version=0.0.4, */*' } });
    const url = describeUrl(target, DCGM_PATH);
    if (reply.status === 401 || reply.status === 403) {
      throw new DeviceError('auth', `${url} refused GET ${DCGM_PATH} with HTTP ${reply.status} (credentials needed or wrong)`);
    }
    if (reply.status < 200 || reply.status > 299)
      throw new DeviceError('api-error', `${url} answered GET ${DCGM_PATH} with HTTP ${reply.status}`);
    return parseDcgm(reply.text, { modelHint: target.modelHint ?? null });
  },
};
