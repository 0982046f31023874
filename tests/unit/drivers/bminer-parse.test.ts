/**
 * bminer over the solver capture (expected values read off it by hand; hash_rate H/s / 1e12 = TH/s), its
 * quirk (dual mining: two algorithms per GPU, only the first counts), the optional device/stratum replies
 * (shaped from foreman's BminerITest and Device model: unverified here), identify() and property tests of
 * the entry poll() runs (parseJsonReply, then parseBminer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import {
  gpuBoard,
  gpuFixtureJson,
  httpReply,
  relApprox,
  replacementsIn,
  saneOrDeviceError,
  withReplaced,
} from '../../support/gpu-miner-fixtures';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { bminerPoolUri, parseBminer } from '../../../collectors/drivers/bminer/parse';
import { bminerDriver, identifyBminer } from '../../../collectors/drivers/bminer';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'bminer-api-v1-status-solver.json';

const SOLVER_ONLY: Reading = {
  driver: 'bminer',
  make: 'GPU',
  model: '1x GPU',
  firmware: 'bminer',
  status: 'mining',
  hashrateThs: 30828134.4 / 1e12, // ethash hash_rate; the blake2s 1778500208.17 H/s is another algorithm
  expectedHashrateThs: null,
  powerW: null,
  powerSource: null,
  efficiencyJth: null,
  boards: [gpuBoard(0, 30828134.4 / 1e12, null)],
  tempMaxC: null,
  fansRpm: [],
  pools: [],
  uptimeS: null,
  hardwareErrors: null,
  algorithm: 'ethash',
};

// Shapes from foreman's BminerITest (/api/v1/status/stratum) and its Device model doc (/api/v1/status/device).
const STRATUM = {
  stratums: {
    blake2s: {
      failover_uris: [{ name: 'blake2s://DDXKDhq73GRM3hjh6uee57fJ3LS2ctNtyi.my:c=XVG,d=92@blake2s.mine.zpool.ca:5766', active: true }],
      accepted_shares: 1,
      rejected_shares: 0,
    },
    ethash: {
      failover_uris: [{ name: 'ethproxy://0xb76d43eAaB2e905028a7f0F3aF13C7A84c477B9f.w@guangdong-pool.ethfans.org:3333/', active: true }],
      accepted_shares: 2,
      rejected_shares: 0,
    },
  },
};
const DEVICE = {
  devices: {
    '0': {
      temperature: 83,
      power: 199,
      fan_speed: 74,
      global_memory_used: 4385,
      utilization: { gpu: 100, memory: 73 },
      clocks: { core: 1809, memory: 5005 },
    },
  },
};

const solver = () =>
  parseJsonReply(httpReply(gpuFixtureText(CAPTURE)), 'GET /api/v1/status/solver', 'http://rig:1880/api/v1/status/solver');

describe('parseBminer on the capture', () => {
  it.each([
    { behaviour: 'solver alone', replies: {}, expected: SOLVER_ONLY },
    {
      behaviour: 'with device (temperature, power) and stratum (pools, rig algorithm first)',
      replies: { device: DEVICE, stratum: STRATUM },
      expected: {
        ...SOLVER_ONLY,
        powerW: 199,
        powerSource: 'firmware' as const,
        efficiencyJth: 199 / (30828134.4 / 1e12),
        boards: [gpuBoard(0, 30828134.4 / 1e12, 83)],
        tempMaxC: 83,
        pools: [
          {
            url: 'ethproxy://guangdong-pool.ethfans.org:3333',
            user: '0xb76d43eAaB2e905028a7f0F3aF13C7A84c477B9f.w',
            status: 'Alive',
            accepted: 2,
            rejected: 0,
          },
          {
            url: 'blake2s://blake2s.mine.zpool.ca:5766',
            user: 'DDXKDhq73GRM3hjh6uee57fJ3LS2ctNtyi.my',
            status: 'Alive',
            accepted: 1,
            rejected: 0,
          },
        ],
      },
    },
    { behaviour: 'registered model', replies: {}, hint: '4x GTX 1080 Ti', expected: { ...SOLVER_ONLY, model: '4x GTX 1080 Ti' } },
  ])('$behaviour', ({ replies, hint, expected }) => {
    expect(parseBminer({ solver: solver(), ...replies }, { modelHint: hint ?? null })).toEqual(relApprox(expected));
  });
});

describe('bminer quirks', () => {
  it('devices in numeric id order; a GPU without the rig algorithm has no rate', () => {
    const r = parseBminer({
      solver: {
        devices: {
          '10': { solvers: [{ algorithm: 'ethash', speed_info: { hash_rate: 3e7 } }] },
          '2': { solvers: [{ algorithm: 'ethash', speed_info: { hash_rate: 2e7 } }] },
          '1': { solvers: [{ algorithm: 'blake2s', speed_info: { hash_rate: 1e9 } }] },
        },
      },
    });
    expect(r.algorithm).toBe('blake2s'); // device "1" is first
    expect(r.boards.map((b) => b.hashrateThs)).toEqual([1e9 / 1e12, null, null]);
  });

  it('pool URIs without user or scheme', () => {
    expect(bminerPoolUri('stratum://pool.example:4444')).toEqual({ url: 'stratum://pool.example:4444', user: '' });
    expect(bminerPoolUri('pool.example:4444')).toEqual({ url: 'pool.example:4444', user: '' });
    expect(bminerPoolUri('ethstratum://a%2Eb:pw@p:1/')).toEqual({ url: 'ethstratum://p:1', user: 'a.b' });
  });

  it('no devices, no solver or no rate is "unexpected"', () => {
    for (const bad of [{}, { devices: {} }, { devices: { '0': { solvers: [{ algorithm: 'ethash', speed_info: {} }] } } }]) {
      try {
        parseBminer({ solver: bad });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(DeviceError);
        expect((err as DeviceError).kind).toBe('unexpected');
      }
    }
  });
});

const probe = (json: unknown, status = 200): HttpProbeReply => ({ status, wwwAuthenticate: null, json, text: JSON.stringify(json) });

describe('identifyBminer', () => {
  it('claims its solver reply only', () => {
    expect(identifyBminer({ http: { '/api/v1/status/solver': probe(gpuFixtureJson(CAPTURE)) } })).toEqual({
      driver: 'bminer',
      make: 'GPU',
      model: '1x GPU',
      firmware: 'bminer',
    });
    expect(identifyBminer({ http: { '/api/v1/status/solver': probe(gpuFixtureJson('nbminer-10.0-api-v1-status.json')) } })).toBeNull();
    expect(identifyBminer({ http: { '/api/v1/status/solver': probe({ devices: {} }) } })).toBeNull();
    expect(bminerDriver).toMatchObject({ name: 'bminer', protocol: 'http', probePath: '/api/v1/status/solver' });
  });
});

const entry = (text: string) =>
  saneOrDeviceError(() => parseBminer({ solver: parseJsonReply(httpReply(text), 'GET /api/v1/status/solver', 'http://rig:1880/') }));

describe('bminer parse entry never throws anything but a DeviceError', () => {
  it('random strings, bytes and JSON (also as the optional replies)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void entry(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void entry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void entry(JSON.stringify(v) ?? 'null')),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        (device, stratum) => void saneOrDeviceError(() => parseBminer({ solver: solver(), device, stratum })),
      ),
      { numRuns: 300 },
    );
  });

  it('every truncation of the capture', () => {
    const text = gpuFixtureText(CAPTURE);
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(entry(text.slice(0, n)));
    expect(outcomes.slice(0, text.trimEnd().length).every((o) => o === 'error')).toBe(true);
    expect(outcomes[text.length]).toBe('reading');
  });

  it('the replies with values anywhere replaced by random JSON', () => {
    const base: unknown = JSON.parse(gpuFixtureText(CAPTURE));
    fc.assert(
      fc.property(replacementsIn(base), (patches) => void entry(JSON.stringify(withReplaced(base, patches)))),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(replacementsIn(STRATUM), replacementsIn(DEVICE), (p1, p2) => {
        saneOrDeviceError(() => parseBminer({ solver: solver(), stratum: withReplaced(STRATUM, p1), device: withReplaced(DEVICE, p2) }));
      }),
      { numRuns: 400 },
    );
  });
});
