/**
 * parseGminer over the real /stat captures and GMiner's quirks (protocols.md §2.3): speed in speedUnit
 * (absent in 1.18), board-partner and memory in GPU names, temperature_limit, the quoted algorithm
 * nickname; identifyGminer. Expected values read off each capture by hand.
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, gpuFixtureJson, httpReply, relApprox } from '../../support/gpu-miner-fixtures';
import { gminerDriver, identifyGminer } from '../../../collectors/drivers/gminer';
import { gminerFromReply, parseGminer } from '../../../collectors/drivers/gminer/parse';
import { gpuMake, gpuMinerReading, gpuName, gpuRigModel, rateUnitFactor } from '../../../collectors/drivers/gpu-miner/reading';
import { identifyNbminer } from '../../../collectors/drivers/nbminer';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const BEAM_USER = '100fd5cb7f85d33f74ef78f89e78cd0d5a63fc4965476eea4f77f024a57d99fa55.rig0';

const ROWS: Array<{ capture: string; expected: Reading }> = [
  {
    capture: 'gminer-1.18-stat.json',
    expected: {
      driver: 'gminer',
      make: 'NVIDIA',
      model: '8x GeForce GTX 1070 Ti', // "EVGA GeForce GTX 1070 Ti 8GB" x6 + "GeForce GTX 1070 Ti 8GB" x2
      firmware: 'GMiner', // 1.18 does not name itself
      status: 'mining',
      hashrateThs: (21 + 22 + 23 + 21 + 23 + 24 + 22 + 24) / 1e12, // Sol/s, no speedUnit in 1.18
      expectedHashrateThs: null,
      powerW: 169 + 165 + 175 + 168 + 172 + 169 + 172 + 170, // power_usage, W
      powerSource: 'firmware',
      efficiencyJth: 1360 / (180 / 1e12),
      boards: [
        gpuBoard(0, 21 / 1e12, 67),
        gpuBoard(1, 22 / 1e12, 64),
        gpuBoard(2, 23 / 1e12, 67),
        gpuBoard(3, 21 / 1e12, 66),
        gpuBoard(4, 23 / 1e12, 67),
        gpuBoard(5, 24 / 1e12, 68),
        gpuBoard(6, 22 / 1e12, 66),
        gpuBoard(7, 24 / 1e12, 71),
      ],
      tempMaxC: 71,
      fansRpm: [],
      pools: [{ url: 'stratum+ssl://beam.sparkpool.com:2222', user: BEAM_USER, status: 'Alive', accepted: 12, rejected: 0 }],
      uptimeS: 15,
      hardwareErrors: null,
      algorithm: 'equihash 150,5', // 'Equihash 150,5 "Beam-PoW"'
    },
  },
  {
    capture: 'gminer-1.34-stat.json',
    expected: {
      driver: 'gminer',
      make: 'AMD',
      model: '1x Radeon RX 560 Series', // "ASUS Radeon RX 560 Series 4GB"
      firmware: 'GMiner 1.34',
      status: 'mining',
      hashrateThs: 1.2 / 1e12, // speed 1.2 "Sol\/s"
      expectedHashrateThs: null,
      powerW: 32,
      powerSource: 'firmware',
      efficiencyJth: 32 / (1.2 / 1e12),
      boards: [gpuBoard(0, 1.2 / 1e12, 54)],
      tempMaxC: 54,
      fansRpm: [],
      pools: [{ url: 'stratum+ssl://beam.sparkpool.com:2222', user: BEAM_USER, status: 'Alive', accepted: 0, rejected: 0 }],
      uptimeS: 88,
      hardwareErrors: null,
      algorithm: 'equihash 150,5',
    },
  },
];

function kindOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return (err as DeviceError).kind;
  }
}

describe('parseGminer on captures', () => {
  it.each(ROWS)('$capture', ({ capture, expected }) => {
    expect(parseGminer(gpuFixtureJson(capture))).toEqual(relApprox(expected));
    expect(gminerFromReply(httpReply(gpuFixtureText(capture)), 'http://rig:4070/stat')).toEqual(relApprox(expected));
  });
});

describe('GMiner quirks', () => {
  it('1.34 escapes the unit and the server URL; both read plainly', () => {
    const text = gpuFixtureText('gminer-1.34-stat.json');
    expect(text).toContain('"speedUnit": "Sol\\/s"');
    expect(text).toContain('stratum+ssl:\\/\\/beam');
    expect(gminerFromReply(httpReply(text), 'http://rig:4070/stat').pools[0].url).toBe('stratum+ssl://beam.sparkpool.com:2222');
  });

  it('converts speedUnit MH/s and G/s; an unknown unit is a DeviceError', () => {
    const body = gpuFixtureJson('gminer-1.34-stat.json');
    expect(parseGminer({ ...body, speedUnit: 'MH/s' }).hashrateThs).toBeCloseTo((1.2 * 1e6) / 1e12, 15);
    expect(parseGminer({ ...body, speedUnit: 'G/s' }).hashrateThs).toBeCloseTo(1.2 / 1e12, 20);
    expect(kindOf(() => parseGminer({ ...body, speedUnit: 'Sol/W' }))).toBe('unexpected');
  });

  it('power_usage is watts; powerUnit "Sol/W" is the efficiency unit and changes nothing', () => {
    const body = gpuFixtureJson('gminer-1.34-stat.json');
    expect(body.powerUnit).toBe('Sol/W');
    expect(parseGminer({ ...body, powerUnit: 'MH/W' }).powerW).toBe(32);
    expect(parseGminer(body).powerW).toBe(32);
  });

  it('a GPU at its temperature_limit is throttled', () => {
    const body = gpuFixtureJson('gminer-1.34-stat.json');
    (body.devices as Array<Record<string, unknown>>)[0].temperature = 90;
    expect(parseGminer(body).status).toBe('throttled');
    (body.devices as Array<Record<string, unknown>>)[0].temperature_limit = 95;
    expect(parseGminer(body).status).toBe('mining');
  });

  it('no devices list, no devices, or not an object is a DeviceError', () => {
    expect(kindOf(() => parseGminer({ miner: 'GMiner 1.34' }))).toBe('unexpected');
    expect(kindOf(() => parseGminer({ miner: 'GMiner 1.34', devices: [] }))).toBe('unexpected');
    expect(kindOf(() => parseGminer(null))).toBe('unexpected');
  });
});

describe('GPU names, makes and units (shared by the GPU miner drivers)', () => {
  it('drops board partner and memory size, and names mixed rigs per model', () => {
    expect(gpuName('EVGA GeForce GTX 1070 Ti 8GB')).toBe('GeForce GTX 1070 Ti');
    expect(gpuName('GeForce GTX 1080 Ti 11178 MB')).toBe('GeForce GTX 1080 Ti');
    expect(gpuName('NVIDIA GeForce RTX 3060 Ti')).toBe('NVIDIA GeForce RTX 3060 Ti');
    expect(gpuRigModel(['A', 'A', 'B'], 'hint')).toBe('2x A + 1x B');
    expect(gpuRigModel([], '4x RTX 3090')).toBe('4x RTX 3090');
  });

  it('makes NVIDIA or AMD only when every GPU is that vendor', () => {
    expect(gpuMake(['RTX 3070', 'GeForce GTX 1080 Ti'])).toBe('NVIDIA');
    expect(gpuMake(['Radeon RX 560 Series', 'AMD Radeon RX 6800'])).toBe('AMD');
    expect(gpuMake(['RTX 3070', 'Radeon RX 6800'])).toBe('GPU');
    expect(gpuMake(['Intel Arc A770'])).toBe('GPU');
  });

  it('knows the units of the miners and refuses others', () => {
    expect(['H/s', 'Sol/s', 'sol/s', 'G/s', 'g/s', 'kh/s', 'Mh/s', 'MH/s', 'gh/s', 'TH/s'].map(rateUnitFactor)).toEqual([
      1, 1, 1, 1, 1, 1e3, 1e6, 1e6, 1e9, 1e12,
    ]);
    expect([rateUnitFactor('Sol/W'), rateUnitFactor(''), rateUnitFactor(5)]).toEqual([null, null, null]);
  });

  it('absurd power over a tiny rate gives no efficiency rather than Infinity', () => {
    const r = gpuMinerReading({
      driver: 'gminer',
      firmware: 'GMiner',
      algorithm: null,
      totalHs: 1e-300,
      totalPowerW: 1e300,
      gpus: [],
      pools: [],
      uptimeS: null,
    });
    expect(r.efficiencyJth).toBeNull();
    expect(r.powerW).toBe(1e300);
  });
});

const probe = (path: string, json: unknown, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { [path]: { status, wwwAuthenticate: null, json, text: JSON.stringify(json) } },
});

describe('identifyGminer', () => {
  it('claims both /stat captures', () => {
    expect(identifyGminer(probe('/stat', gpuFixtureJson('gminer-1.34-stat.json')))).toEqual({
      driver: 'gminer',
      make: 'AMD',
      model: '1x Radeon RX 560 Series',
      firmware: 'GMiner 1.34',
    });
    expect(identifyGminer(probe('/stat', gpuFixtureJson('gminer-1.18-stat.json')))).toMatchObject({
      model: '8x GeForce GTX 1070 Ti',
      firmware: 'GMiner',
    });
  });

  it("does not claim other miners' JSON, a 404, or its own reply under another path", () => {
    expect(identifyGminer(probe('/stat', gpuFixtureJson('nbminer-10.0-api-v1-status.json')))).toBeNull();
    expect(identifyGminer(probe('/stat', gpuFixtureJson('trex-0.9.1-summary.json')))).toBeNull();
    expect(identifyGminer(probe('/stat', gpuFixtureJson('gminer-1.34-stat.json'), 404))).toBeNull();
    expect(identifyGminer(probe('/summary', gpuFixtureJson('gminer-1.34-stat.json')))).toBeNull();
    expect(identifyNbminer(probe('/api/v1/status', gpuFixtureJson('gminer-1.34-stat.json')))).toBeNull();
  });

  it('declares itself an http driver probing /stat on 4070', () => {
    expect(gminerDriver).toMatchObject({ name: 'gminer', protocol: 'http', defaultPort: 4070, probePath: '/stat' });
  });
});
