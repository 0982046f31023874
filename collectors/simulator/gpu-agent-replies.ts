/**
 * The simulated gpu-agent: nvidia-smi CSV text built from a MinerState (boards = GPUs), run through the
 * real agent's parser and reply renderer, so the simulated JSON is the real agent's by construction.
 * The CSV is what `nvidia-smi --query-gpu=<GPU_QUERY_FIELDS> --format=csv,noheader,nounits` prints; the
 * values under load follow fx:gpu/nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv.
 */
import { GPU_QUERY_FIELDS, parseNvidiaSmiCsv } from '../gpu-agent/nvidia-smi';
import { GPU_AGENT_HEALTH_PATH, GPU_AGENT_PATH, notFoundBody, renderGpuAgentReply } from '../gpu-agent/reply';
import type { SimHttpReply, SimHttpRequest } from './families/types';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';

/** Power limit over nameplate draw: 320 W on a 250 W RTX 4080 SUPER (the capture's power.limit). */
const POWER_LIMIT_RATIO = 1.28;
/** Fan RPM at 100 % (nvidia-smi reports the intended % only); unverified, typical of 3-fan cards. */
const FAN_MAX_RPM = 6500;
/** sw_thermal_slowdown (0x20) while the overheating rig throttles. */
const THROTTLE_REASONS = '0x0000000000000020';

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}

/** One CSV row per GPU that is on the bus (a lost board is a GPU nvidia-smi no longer lists). */
export function simulatedNvidiaSmiCsv(rig: RigPlan, state: MinerState): string {
  const present = state.boards.filter((b) => b.present);
  const limitW = ((rig.model.nameplatePowerW / rig.model.boards) * POWER_LIMIT_RATIO).toFixed(2);
  const throttled = state.status === 'throttled';
  const rows = present.map((b, i) => {
    const share = state.hashrateThs > 0 ? b.hashrateThs / state.hashrateThs : 1 / present.length;
    const fanRpm = state.fansRpm[b.slot - 1] ?? state.fansRpm[0] ?? 0;
    const values: Record<(typeof GPU_QUERY_FIELDS)[number], string> = {
      index: String(i),
      uuid: `GPU-${hex(rig.idHash, 8)}-${hex(b.slot, 4)}-4${hex(rig.index, 3)}-8${hex(rig.idHash >>> 4, 3)}-${hex(rig.idHash, 8)}${hex(b.slot, 4)}`,
      name: rig.model.firmwareModel,
      'pci.bus_id': `00000000:${hex(b.slot, 2).toUpperCase()}:00.0`,
      'temperature.gpu': String(Math.max(...b.chipTempsC)),
      'power.draw': (state.powerW * share).toFixed(2),
      'power.limit': limitW,
      'utilization.gpu': '100',
      'fan.speed': String(Math.min(100, Math.round((fanRpm / FAN_MAX_RPM) * 100))),
      'clocks.current.graphics': String(throttled ? Math.round(rig.model.freqMhz / 2) : rig.model.freqMhz),
      'clocks.current.memory': '11251',
      'memory.used': '4812',
      'memory.total': '16376',
      pstate: 'P2',
      'clocks_event_reasons.active': throttled ? THROTTLE_REASONS : '0x0000000000000000',
    };
    return GPU_QUERY_FIELDS.map((f) => values[f]).join(', ');
  });
  return rows.length ? `${rows.join('\n')}\n` : '';
}

/** What the agent on this rig answers. */
export function gpuAgentHttpReply(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply {
  const getLike = request.method === 'GET' || request.method === 'HEAD';
  if (getLike && request.path === GPU_AGENT_PATH) {
    const gpus = parseNvidiaSmiCsv(simulatedNvidiaSmiCsv(rig, state));
    return { status: 200, body: renderGpuAgentReply({ hostname: rig.name, sampledAtMs: state.tMs, gpus }) };
  }
  if (getLike && request.path === GPU_AGENT_HEALTH_PATH) return { status: 200, body: 'ok\n' };
  return { status: 404, body: notFoundBody(request.method, request.path) };
}
