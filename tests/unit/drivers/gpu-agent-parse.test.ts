/**
 * The gpu-agent driver's pure side: every nvidia-smi capture rendered by the agent's own reply code and
 * read back by parseGpuAgent (expected values read off the captures by hand), the status rules, identify(),
 * and property tests of the parse entry the driver uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText, NVIDIA_SMI_CSV_CAPTURES } from '../../support/gpu-fixtures';
import { identifyGpuAgent } from '../../../collectors/drivers/gpu-agent';
import { parseGpuAgent } from '../../../collectors/drivers/gpu-agent/parse';
import { BUSY_UTILIZATION_PCT, gpuHostStatus, THROTTLE_MASK } from '../../../collectors/drivers/gpu-agent/status';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import { parseNvidiaSmiCsv, type NvidiaGpu } from '../../../collectors/gpu-agent/nvidia-smi';
import { GPU_AGENT_VERSION, renderGpuAgentReply } from '../../../collectors/gpu-agent/reply';
import type { MinerStatus, Reading } from '../../../lib/domain/reading';

const replyOf = (gpus: NvidiaGpu[], error?: string) =>
  renderGpuAgentReply({ hostname: 'gpu-host-1', sampledAtMs: 1_700_000_000_000, gpus, error });
const captureReply = (name: string) => replyOf(parseNvidiaSmiCsv(gpuFixtureText(name)));

const reading = (model: string, status: MinerStatus, powerW: number, tempC: number): Reading => ({
  driver: 'gpu-agent',
  make: 'NVIDIA',
  model,
  firmware: `hashwatt-gpu-agent ${GPU_AGENT_VERSION}`,
  status,
  hashrateThs: 0, // the agent does not know hash rates
  expectedHashrateThs: null,
  powerW,
  powerSource: 'firmware',
  efficiencyJth: null,
  boards: [{ index: 0, hashrateThs: null, chips: null, tempC }],
  tempMaxC: tempC,
  fansRpm: [], // fan.speed is %, not RPM
  pools: [],
  uptimeS: null,
  hardwareErrors: null,
  algorithm: null,
});

const RTX4080S = '1x NVIDIA GeForce RTX 4080 SUPER';
const H100 = '1x NVIDIA H100 80GB HBM3';
const RTX2080S = '1x NVIDIA GeForce RTX 2080 SUPER';

const EXPECTED: Record<(typeof NVIDIA_SMI_CSV_CAPTURES)[number], Reading> = {
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-idle.csv': reading(RTX4080S, 'sleeping', 26.2, 43), // 0 %
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv': reading(RTX4080S, 'mining', 84.24, 46), // 7 %
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-idle.csv': reading(H100, 'sleeping', 69.85, 41), // 0 %
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv': reading(H100, 'mining', 631.95, 59), // 100 %
  // MIG: utilization [N/A]; gpu_idle reason 0x1 set at idle, clear under load
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-idle.csv': reading(H100, 'sleeping', 71.15, 42),
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-load.csv': reading(H100, 'mining', 433.78, 53),
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-idle.csv': reading(RTX2080S, 'sleeping', 39.25, 40), // 0 %
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-load.csv': reading(RTX2080S, 'mining', 97.99, 44), // 7 %
};

describe('parseGpuAgent on every nvidia-smi capture, as the agent renders it', () => {
  it.each(NVIDIA_SMI_CSV_CAPTURES)('%s', (name) => {
    expect(parseGpuAgent(captureReply(name))).toEqual(EXPECTED[name]);
  });
});

const gpu = (index: number, over: Partial<NvidiaGpu> = {}): NvidiaGpu => ({
  index,
  uuid: `GPU-${index}`,
  name: 'NVIDIA GeForce RTX 4080 SUPER',
  busId: null,
  tempC: 60 + index,
  powerW: 250,
  powerLimitW: 320,
  utilizationPct: 100,
  fanPct: 70,
  clocks: { graphicsMhz: 2505, memoryMhz: 11251 },
  memory: { usedMiB: 4812, totalMiB: 16376 },
  pstate: 'P2',
  clocksEventReasons: 0,
  ...over,
});

describe('gpu-agent reading rules', () => {
  it('six GPUs: boards in index order, power summed, hottest GPU, "6x" model', () => {
    const gpus = [5, 4, 3, 2, 1, 0].map((i) => gpu(i, { powerW: 200 + i }));
    const r = parseGpuAgent(replyOf(gpus));
    expect(r.model).toBe('6x NVIDIA GeForce RTX 4080 SUPER');
    expect(r.boards.map((b) => [b.index, b.tempC])).toEqual([
      [0, 60],
      [1, 61],
      [2, 62],
      [3, 63],
      [4, 64],
      [5, 65],
    ]);
    expect([r.powerW, r.tempMaxC, r.status]).toEqual([200 + 201 + 202 + 203 + 204 + 205, 65, 'mining']);
  });

  it('a mixed host names each model with its count', () => {
    const gpus = [gpu(0), gpu(1, { name: 'NVIDIA GeForce RTX 3070' }), gpu(2)];
    expect(parseGpuAgent(replyOf(gpus)).model).toBe('2x NVIDIA GeForce RTX 4080 SUPER + 1x NVIDIA GeForce RTX 3070');
  });

  it('no power figure at all is null, not 0', () => {
    const r = parseGpuAgent(replyOf([gpu(0, { powerW: null })]));
    expect([r.powerW, r.powerSource]).toEqual([null, null]);
  });

  it.each([
    ['utilization just below the threshold', [{ utilizationPct: BUSY_UTILIZATION_PCT - 1 }], 'sleeping'],
    ['utilization at the threshold', [{ utilizationPct: BUSY_UTILIZATION_PCT }], 'mining'],
    ['one busy GPU of two', [{ utilizationPct: 0 }, { utilizationPct: 99 }], 'mining'],
    ['MIG (no utilization), gpu_idle set', [{ utilizationPct: null, clocksEventReasons: 0x1 }], 'sleeping'],
    ['MIG (no utilization), gpu_idle clear', [{ utilizationPct: null, clocksEventReasons: 0x0 }], 'mining'],
    ['no signal at all', [{ utilizationPct: null, clocksEventReasons: null }], 'mining'],
    ['busy and hw thermal slowdown 0x40', [{ clocksEventReasons: 0x40 }], 'throttled'],
    ['busy and sw thermal slowdown 0x20', [{ clocksEventReasons: 0x20 }], 'throttled'],
    ['busy and power brake 0x80', [{ clocksEventReasons: 0x80 }], 'throttled'],
    ['busy and hw slowdown 0x8', [{ clocksEventReasons: 0x8 }], 'throttled'],
    ['busy at its power cap 0x4 (set on purpose)', [{ clocksEventReasons: 0x4 }], 'mining'],
    ['idle while a thermal reason is set', [{ utilizationPct: 0, clocksEventReasons: 0x41 }], 'sleeping'],
  ] as const)('status: %s -> %s', (_what, gpus, expected) => {
    expect(gpuHostStatus(gpus.map((g) => ({ utilizationPct: 100, clocksEventReasons: 0, ...g })))).toBe(expected);
    expect(parseGpuAgent(replyOf(gpus.map((g, i) => gpu(i, g)))).status).toBe(expected);
  });

  it('the throttle mask is hw slowdown, sw/hw thermal and power brake', () => {
    expect(THROTTLE_MASK).toBe(0x8 | 0x20 | 0x40 | 0x80);
  });

  it("a 503 body (nvidia-smi failing) is an api-error carrying the agent's reason", () => {
    const body = replyOf([], 'nvidia-smi not found at "nvidia-smi" (is the NVIDIA driver installed? pass --nvidia-smi PATH)');
    expect(() => parseGpuAgent(body)).toThrow(new DeviceError('api-error', `gpu-agent: ${body.error}`));
  });

  it.each([
    ['no GPUs', replyOf([]), /reports no GPUs/],
    ["another program's JSON", { hashRate: 1000, ASICModel: 'BM1370' }, /reply is not from hashwatt-gpu-agent/],
    ['a GPU without a name', { ...replyOf([]), gpus: [{ index: 0 }] }, /gpus\[0\] has no GPU index and name/],
    ['gpus that is not a list', { ...replyOf([]), gpus: {} }, /has no "gpus" list/],
  ])('%s is "unexpected"', (_what, body, message) => {
    expect(() => parseGpuAgent(body)).toThrow(message);
    try {
      parseGpuAgent(body);
    } catch (err) {
      expect((err as DeviceError).kind).toBe('unexpected');
    }
  });
});

const probe = (json: unknown, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { '/api/v1/gpus': { status, wwwAuthenticate: null, json, text: JSON.stringify(json) } },
});

describe('identifyGpuAgent', () => {
  it("names the agent's GPUs from a real reply", () => {
    expect(identifyGpuAgent(probe(captureReply('nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv')))).toEqual({
      driver: 'gpu-agent',
      make: 'NVIDIA',
      model: '1x NVIDIA H100 80GB HBM3',
      firmware: `hashwatt-gpu-agent ${GPU_AGENT_VERSION}`,
    });
  });

  it('claims an agent whose nvidia-smi is failing (503), without a model', () => {
    expect(identifyGpuAgent(probe(replyOf([], 'nvidia-smi not found'), 503))?.model).toBe('NVIDIA GPUs');
  });

  it.each([
    ['an AxeOS info body', { hashRate: 1072.24, ASICModel: 'BM1370', axeOSVersion: 'v2.12.2' }],
    ['a T-Rex-like summary', { name: 't-rex', gpus: [{ name: 'GeForce GTX 1070 Ti' }] }],
    ['a string', 'hashwatt-gpu-agent'],
    ['nothing', null],
  ])('does not claim %s', (_what, json) => {
    expect(identifyGpuAgent(probe(json))).toBeNull();
  });
});

/** The driver's path from body text to reading (parseJsonReply, then parseGpuAgent). */
function viaDriverEntry(text: string): void {
  try {
    const body = parseJsonReply({ status: 200, headers: {}, text }, 'GET /api/v1/gpus', 'http://gpu-host:9105/api/v1/gpus');
    const r = parseGpuAgent(body);
    expect(Number.isFinite(r.hashrateThs) && r.hashrateThs >= 0).toBe(true);
    expect(r.powerW === null || Number.isFinite(r.powerW)).toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
  }
}

describe('gpu-agent parse entry never throws anything but a DeviceError', () => {
  it('random strings, bytes and JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => viaDriverEntry(s)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => viaDriverEntry(Buffer.from(b).toString('utf8'))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => viaDriverEntry(JSON.stringify(v) ?? 'null')),
      { numRuns: 400 },
    );
  });

  it('agent replies whose GPU fields are random JSON', () => {
    const base = captureReply('nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv');
    const keys = Object.keys(base.gpus[0]);
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: 5 }), { maxLength: 4 }), (patches) => {
        viaDriverEntry(JSON.stringify({ ...base, gpus: patches.map((p) => ({ ...base.gpus[0], ...p })) }));
      }),
      { numRuns: 400 },
    );
  });

  it.each(NVIDIA_SMI_CSV_CAPTURES)('every truncation of the agent reply for %s', (name) => {
    const text = JSON.stringify(captureReply(name));
    for (let n = 0; n <= text.length; n++) viaDriverEntry(text.slice(0, n));
    expect(() => parseGpuAgent(JSON.parse(text))).not.toThrow();
  });
});
