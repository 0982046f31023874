/**
 * parseLolminer over the real /summary capture (old Session/GPUs schema) and lolMiner's quirks
 * (protocols.md §2.3): unit-bearing keys, Performance_Unit, 0 W meaning "no sensor", the newer 1.x
 * Algorithms/Workers schema (unverified shape), and identifyLolminer. Expected values read off the capture.
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, gpuFixtureJson, httpReply, relApprox } from '../../support/gpu-miner-fixtures';
import { identifyLolminer, lolminerDriver } from '../../../collectors/drivers/lolminer';
import { lolminerFromReply, parseLolminer } from '../../../collectors/drivers/lolminer/parse';
import { rateUnitFactor } from '../../../collectors/drivers/gpu-miner/reading';
import { identifyTrex } from '../../../collectors/drivers/trex';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'lolminer-1.0-summary.json';

const EXPECTED: Reading = {
  driver: 'lolminer',
  make: 'NVIDIA',
  model: '1x GeForce GTX 1050 Ti',
  firmware: 'lolMiner 1.0 a2',
  status: 'mining',
  hashrateThs: 6.7 / 1e12, // Performance_Summary 6.70 "sol\/s"; Sol/s counts as H/s
  expectedHashrateThs: null,
  powerW: null, // TotalPower 0 and "Consumption (W)" 0: the GTX 1050 Ti reports no power
  powerSource: null,
  efficiencyJth: null,
  boards: [gpuBoard(0, 6.7 / 1e12, 49)],
  tempMaxC: 49,
  fansRpm: [],
  pools: [
    {
      url: 'stratum.zel.cash:2001',
      user: 't1cLkQpx3kEJw2TjPnTmCpe4KqLvER8NknA.testWorker',
      status: 'Alive',
      accepted: 0,
      rejected: 0,
    },
  ],
  uptimeS: 10,
  hardwareErrors: null,
  algorithm: 'zelhash',
};

/** The capture with its Session and GPUs[0] patched. */
function capture(session: Record<string, unknown> = {}, gpu: Record<string, unknown> = {}): Record<string, unknown> {
  const body = gpuFixtureJson(CAPTURE);
  Object.assign(body.Session as object, session);
  Object.assign((body.GPUs as object[])[0], gpu);
  return body;
}

/** unverified: lolMiner 1.x schema after third-party parsers (no capture). */
const NEW_SCHEMA = {
  Software: 'lolMiner 1.88',
  Session: { Startup: 1700000000, Startup_String: '2023-11-14_22-13-20', Uptime: 3600, Last_Update: 1700003600 },
  Num_Workers: 2,
  Workers: [
    {
      Index: 0,
      Name: 'AMD Radeon RX 6800',
      Power: 150.5,
      CCLK: 1300,
      MCLK: 1075,
      Core_Temp: 60,
      Juc_Temp: 75,
      Mem_Temp: 86,
      Fan_Speed: 55,
      PCIE_Address: '3:0',
    },
    {
      Index: 1,
      Name: 'AMD Radeon RX 6800',
      Power: 149.5,
      CCLK: 1300,
      MCLK: 1075,
      Core_Temp: 58,
      Juc_Temp: 72,
      Mem_Temp: 84,
      Fan_Speed: 50,
      PCIE_Address: '4:0',
    },
  ],
  Num_Algorithms: 2,
  Algorithms: [
    {
      Algorithm: 'Etchash',
      Algorithm_Appendix: '',
      Pool: 'etc.pool.example:1010',
      User: 'wallet.rig',
      Worker: 'rig',
      Performance_Unit: 'Mh/s',
      Performance_Factor: 1000000,
      Total_Performance: 124.5,
      Total_Accepted: 300,
      Total_Rejected: 2,
      Total_Stales: 1,
      Total_Errors: 0,
      Worker_Performance: [62.5, 62.0],
      Worker_Accepted: [150, 150],
      Worker_Rejected: [1, 1],
      Worker_Errors: [0, 0],
    },
    {
      Algorithm: 'Alephium',
      Algorithm_Appendix: '',
      Pool: 'alph.pool.example:20032',
      User: 'alphwallet',
      Worker: 'rig',
      Performance_Unit: 'Gh/s',
      Performance_Factor: 1000000000,
      Total_Performance: 1.2,
      Total_Accepted: 40,
      Total_Rejected: 0,
      Total_Stales: 0,
      Total_Errors: 0,
      Worker_Performance: [0.6, 0.6],
      Worker_Accepted: [20, 20],
      Worker_Rejected: [0, 0],
      Worker_Errors: [0, 0],
    },
  ],
};

function kindOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return (err as DeviceError).kind;
  }
}

describe('parseLolminer on the capture', () => {
  it(CAPTURE, () => {
    expect(parseLolminer(gpuFixtureJson(CAPTURE))).toEqual(relApprox(EXPECTED));
    expect(lolminerFromReply(httpReply(gpuFixtureText(CAPTURE)), 'http://rig:4069/summary')).toEqual(relApprox(EXPECTED));
  });
});

describe('lolMiner quirks', () => {
  it('reads the escaped unit "sol\\/s" of the raw reply', () => {
    expect(gpuFixtureText(CAPTURE)).toContain('"Performance_Unit": "sol\\/s"');
    expect(rateUnitFactor('sol/s')).toBe(1);
  });

  it('converts Performance_Unit mh/s, kh/s, gh/s and g/s (graphs) to H/s', () => {
    const mh = parseLolminer(capture({ Performance_Unit: 'mh/s', Performance_Summary: 98.25 }, { Performance: 98.25 }));
    expect(mh.hashrateThs).toBeCloseTo((98.25 * 1e6) / 1e12, 15);
    expect(mh.boards[0].hashrateThs).toBeCloseTo((98.25 * 1e6) / 1e12, 15);
    expect(parseLolminer(capture({ Performance_Unit: 'kh/s' })).hashrateThs).toBeCloseTo((6.7 * 1e3) / 1e12, 18);
    expect(parseLolminer(capture({ Performance_Unit: 'Gh/s' })).hashrateThs).toBeCloseTo((6.7 * 1e9) / 1e12, 12);
    expect(parseLolminer(capture({ Performance_Unit: 'g/s' })).hashrateThs).toBeCloseTo(6.7 / 1e12, 20);
  });

  it('an unknown Performance_Unit is a DeviceError, not a guess', () => {
    expect(kindOf(() => parseLolminer(capture({ Performance_Unit: 'furlongs/s' })))).toBe('unexpected');
    expect(() => parseLolminer(capture({ Performance_Unit: 'furlongs/s' }))).toThrow(/furlongs/);
  });

  it('reads "Consumption (W)" and TotalPower when the GPU reports power, preferring the total', () => {
    const r = parseLolminer(capture({ TotalPower: 61 }, { 'Consumption (W)': 58 }));
    expect([r.powerW, r.powerSource]).toEqual([61, 'firmware']);
    const perGpu = parseLolminer(capture({}, { 'Consumption (W)': 58 }));
    expect(perGpu.powerW).toBe(58);
  });

  it('counts submitted but not accepted shares as rejected', () => {
    expect(parseLolminer(capture({ Accepted: 40, Submitted: 42 })).pools[0]).toMatchObject({ accepted: 40, rejected: 2 });
  });

  it('reads the newer 1.x Algorithms/Workers schema (unverified shape)', () => {
    const r = parseLolminer(NEW_SCHEMA);
    expect(r).toEqual(
      relApprox({
        driver: 'lolminer',
        make: 'AMD',
        model: '2x AMD Radeon RX 6800',
        firmware: 'lolMiner 1.88',
        status: 'mining',
        hashrateThs: (124.5 * 1e6) / 1e12, // Total_Performance x Performance_Factor
        expectedHashrateThs: null,
        powerW: 150.5 + 149.5,
        powerSource: 'firmware',
        efficiencyJth: 300 / ((124.5 * 1e6) / 1e12),
        boards: [gpuBoard(0, (62.5 * 1e6) / 1e12, 75), gpuBoard(1, (62.0 * 1e6) / 1e12, 72)], // junction temps
        tempMaxC: 75,
        fansRpm: [],
        pools: [
          { url: 'etc.pool.example:1010', user: 'wallet.rig', status: 'Alive', accepted: 300, rejected: 2 },
          { url: 'alph.pool.example:20032', user: 'alphwallet', status: 'Alive', accepted: 40, rejected: 0 },
        ],
        uptimeS: 3600,
        hardwareErrors: null,
        algorithm: 'etchash',
      }),
    );
  });

  it('without Session or Algorithms, or with an empty Algorithms list, it is a DeviceError', () => {
    expect(kindOf(() => parseLolminer({ Software: 'lolMiner 1.0' }))).toBe('unexpected');
    expect(kindOf(() => parseLolminer({ ...NEW_SCHEMA, Algorithms: [] }))).toBe('unexpected');
    expect(kindOf(() => parseLolminer('lolMiner'))).toBe('unexpected');
  });
});

const probe = (json: unknown, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { '/summary': { status, wwwAuthenticate: null, json, text: JSON.stringify(json) } },
});

describe('identifyLolminer', () => {
  it('claims the capture and the newer schema', () => {
    expect(identifyLolminer(probe(gpuFixtureJson(CAPTURE)))).toEqual({
      driver: 'lolminer',
      make: 'NVIDIA',
      model: '1x GeForce GTX 1050 Ti',
      firmware: 'lolMiner 1.0 a2',
    });
    expect(identifyLolminer(probe(NEW_SCHEMA))).toMatchObject({ make: 'AMD', model: '2x AMD Radeon RX 6800', firmware: 'lolMiner 1.88' });
  });

  it("does not claim T-Rex's /summary or an error reply, and T-Rex does not claim lolMiner's", () => {
    expect(identifyLolminer(probe(gpuFixtureJson('trex-0.6.3-summary-8gpu.json')))).toBeNull();
    expect(identifyLolminer(probe(gpuFixtureJson(CAPTURE), 500))).toBeNull();
    expect(identifyTrex(probe(NEW_SCHEMA))).toBeNull();
    expect(identifyLolminer({})).toBeNull();
  });

  it('declares itself an http driver probing /summary on 4069', () => {
    expect(lolminerDriver).toMatchObject({ name: 'lolminer', protocol: 'http', defaultPort: 4069, probePath: '/summary' });
  });
});
