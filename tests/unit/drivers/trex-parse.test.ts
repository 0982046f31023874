/**
 * parseTrex over the real /summary captures and T-Rex's quirks (protocols.md §2.3), and identifyTrex on
 * probe replies. Expected numbers were read off each capture by hand (H/s / 1e12 = TH/s).
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, gpuFixtureJson, httpReply, relApprox } from '../../support/gpu-miner-fixtures';
import { identifyTrex, trexDriver } from '../../../collectors/drivers/trex';
import { parseTrex, trexFromReply } from '../../../collectors/drivers/trex/parse';
import { identifyLolminer } from '../../../collectors/drivers/lolminer';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const URL_ = 'http://rig:4067/summary';

const ROWS: Array<{ capture: string; expected: Reading }> = [
  {
    capture: 'trex-0.6.3-summary-8gpu.json',
    expected: {
      driver: 'trex',
      make: 'NVIDIA',
      model: '8x GeForce GTX 1070 Ti',
      firmware: 'T-Rex 0.6.3',
      status: 'mining',
      hashrateThs: 150645350 / 1e12,
      expectedHashrateThs: null,
      powerW: 193 + 194 + 193 + 198 + 189 + 190 + 194 + 181, // gpus[].power, W
      powerSource: 'firmware',
      efficiencyJth: 1532 / (150645350 / 1e12),
      boards: [
        gpuBoard(0, 19101584 / 1e12, 57),
        gpuBoard(1, 18800141 / 1e12, 53),
        gpuBoard(2, 18846666 / 1e12, 57),
        gpuBoard(3, 18872865 / 1e12, 55),
        gpuBoard(4, 18934160 / 1e12, 56),
        gpuBoard(5, 18910557 / 1e12, 57),
        gpuBoard(6, 18944655 / 1e12, 54),
        gpuBoard(7, 18234722 / 1e12, 58),
      ],
      tempMaxC: 58,
      fansRpm: [], // fan_speed is %, not RPM
      pools: [{ url: 'stratum+tcp://us.ravenminer.com:4567', user: 'xxxx', status: 'Alive', accepted: 10, rejected: 0 }],
      uptimeS: 31,
      hardwareErrors: null,
      algorithm: 'x16r',
    },
  },
  {
    capture: 'trex-0.9.1-summary.json',
    expected: {
      driver: 'trex',
      make: 'NVIDIA',
      model: '1x GeForce GTX 1050 Ti',
      firmware: 'T-Rex 0.9.1',
      status: 'mining',
      hashrateThs: 7748158 / 1e12,
      expectedHashrateThs: null,
      powerW: null, // 0.9.1 gpus[] carry no power: no estimate for GPU rigs
      powerSource: null,
      efficiencyJth: null,
      boards: [gpuBoard(0, 7748158 / 1e12, 68)],
      tempMaxC: 68,
      fansRpm: [],
      pools: [
        {
          url: 'stratum+tcp://pool.minermore.com:4501',
          user: '1MKrTujwHxda6knL8hHrPMi7Git4upX56E',
          status: 'Alive',
          accepted: 1,
          rejected: 0,
        },
      ],
      uptimeS: 56,
      hardwareErrors: null,
      algorithm: 'x16r',
    },
  },
];

describe('parseTrex on captures', () => {
  it.each(ROWS)('$capture', ({ capture, expected }) => {
    expect(parseTrex(gpuFixtureJson(capture))).toEqual(relApprox(expected));
    // The driver's own entry (HTTP status + JSON parse first) gives the same reading.
    expect(trexFromReply(httpReply(gpuFixtureText(capture)), URL_)).toEqual(relApprox(expected));
  });
});

describe('T-Rex quirks', () => {
  it('reads URLs that older T-Rex sends with "/" escaped as "\\/"', () => {
    const text = gpuFixtureText('trex-0.9.1-summary.json');
    expect(text).toContain('stratum+tcp:\\/\\/pool.minermore.com:4501');
    expect(trexFromReply(httpReply(text), URL_).pools[0].url).toBe('stratum+tcp://pool.minermore.com:4501');
  });

  it('takes hashrate as integer H/s of the algorithm, not MH/s', () => {
    const r = parseTrex({ name: 't-rex', version: '0.9.1', hashrate: 60_000_000, gpus: [], algorithm: 'ethash' });
    expect(r.hashrateThs).toBe(60e6 / 1e12);
    expect(r.algorithm).toBe('ethash');
  });

  it('sums gpus[].power for the rig and reports a GPU over 90 degC as throttled', () => {
    const body = gpuFixtureJson('trex-0.6.3-summary-8gpu.json');
    (body.gpus as Array<Record<string, unknown>>)[7].temperature = 91;
    const r = parseTrex(body);
    expect(r.status).toBe('throttled');
    expect(r.tempMaxC).toBe(91);
  });

  it('a running miner without hash rate is in error; "paused": true is sleeping', () => {
    const base = { name: 't-rex', version: '0.26.8', gpus: [{ name: 'NVIDIA GeForce RTX 3070', hashrate: 0 }], hashrate: 0 };
    expect(parseTrex(base).status).toBe('error');
    expect(parseTrex({ ...base, paused: true }).status).toBe('sleeping');
  });

  it('falls back to the sum of gpus[].hashrate when the total is missing, and uses the registered model without names', () => {
    const r = parseTrex(
      { gpus: [{ hashrate: 1000 }, { hashrate: 2000 }], active_pool: {}, accepted_count: 0 },
      { modelHint: '2x RTX 3070' },
    );
    expect(r.hashrateThs).toBe(3000 / 1e12);
    expect([r.make, r.model, r.firmware]).toEqual(['GPU', '2x RTX 3070', 'T-Rex']);
  });

  it('rejects replies without a hash rate, and HTTP errors, with a DeviceError', () => {
    expect(() => parseTrex({ name: 't-rex' })).toThrow(DeviceError);
    expect(() => parseTrex([1, 2])).toThrow(/not a JSON object/);
    const err = (() => {
      try {
        trexFromReply(httpReply('Not Found', 404), URL_);
      } catch (e) {
        return e as DeviceError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(DeviceError);
    expect(err?.kind).toBe('api-error');
  });
});

const probe = (json: unknown, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { '/summary': { status, wwwAuthenticate: null, json, text: JSON.stringify(json) } },
});

describe('identifyTrex', () => {
  it('claims both /summary captures with make, model and firmware', () => {
    expect(identifyTrex(probe(gpuFixtureJson('trex-0.6.3-summary-8gpu.json')))).toEqual({
      driver: 'trex',
      make: 'NVIDIA',
      model: '8x GeForce GTX 1070 Ti',
      firmware: 'T-Rex 0.6.3',
    });
    expect(identifyTrex(probe(gpuFixtureJson('trex-0.9.1-summary.json')))?.firmware).toBe('T-Rex 0.9.1');
  });

  it("does not claim lolMiner's /summary, other JSON, or a non-2xx reply; lolMiner does not claim T-Rex's", () => {
    const lol = probe(gpuFixtureJson('lolminer-1.0-summary.json'));
    expect(identifyTrex(lol)).toBeNull();
    expect(identifyLolminer(probe(gpuFixtureJson('trex-0.9.1-summary.json')))).toBeNull();
    expect(identifyTrex(probe({ hashrate: 1 }))).toBeNull();
    expect(identifyTrex(probe(gpuFixtureJson('trex-0.9.1-summary.json'), 404))).toBeNull();
    expect(identifyTrex({ cgminer: { version: null, stats: null, devdetails: null, summary: null } })).toBeNull();
  });

  it('declares itself an http driver probing /summary on 4067', () => {
    expect(trexDriver).toMatchObject({ name: 'trex', protocol: 'http', defaultPort: 4067, probePath: '/summary' });
  });
});
