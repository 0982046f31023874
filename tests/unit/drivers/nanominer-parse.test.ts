/**
 * nanominer GET /stats over the capture (expected values read off it by hand; "4.591157e+06" H/s / 1e12 =
 * TH/s), its quirk (Hashrate as a string in scientific notation), identify() and the property tests of
 * nanominerFromReply, the entry poll() runs.
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
import { nanominerFromReply, parseNanominer } from '../../../collectors/drivers/nanominer/parse';
import { identifyNanominer, nanominerDriver } from '../../../collectors/drivers/nanominer';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'nanominer-stats.json';
const URL_ = 'http://10.0.0.8:9090/stats';

const NANO: Reading = {
  driver: 'nanominer',
  make: 'NVIDIA',
  model: '1x GeForce GTX 1050 Ti',
  firmware: 'nanominer',
  status: 'mining',
  hashrateThs: 4.591157e6 / 1e12, // Total.Hashrate "4.591157e+06"
  expectedHashrateThs: null,
  powerW: null,
  powerSource: null,
  efficiencyJth: null,
  boards: [gpuBoard(0, 4.591157e6 / 1e12, 46)],
  tempMaxC: 46,
  fansRpm: [],
  pools: [{ url: 'eth-us-east1.nanopool.org:9999', user: '', status: 'Alive', accepted: 3, rejected: 0 }],
  uptimeS: 898, // WorkTime
  hardwareErrors: null,
  algorithm: 'ethash', // the "Ethash" key
};

describe('parseNanominer on the capture', () => {
  it('nanominer on a GTX 1050 Ti, Ethash', () => {
    expect(nanominerFromReply(httpReply(gpuFixtureText(CAPTURE)), URL_)).toEqual(relApprox(NANO));
  });
});

const stats = (algorithms: unknown[], devices: unknown[] = []) => ({ Algorithms: algorithms, Devices: devices, WorkTime: 10 });

describe('nanominer quirks', () => {
  it("Hashrate strings in scientific notation, per GPU; the first algorithm of a dual setup is the rig's", () => {
    const r = parseNanominer(
      stats(
        [
          {
            Ethash: {
              CurrentPool: 'p:1',
              'GPU 0': { Hashrate: '3.1e+07' },
              'GPU 1': { Hashrate: '2.9E7' },
              Total: { Accepted: 4, Denied: 1, Hashrate: '6.0e+07' },
            },
          },
          { Zil: { Total: { Hashrate: '9.9e+09' } } },
        ],
        [{ 'GPU 0': { Name: 'Radeon RX 580', Temperature: 61 } }, { 'GPU 1': { Name: 'Radeon RX 580', Temperature: 63 } }],
      ),
    );
    expect(r.hashrateThs).toBeCloseTo(6e7 / 1e12, 18);
    expect(r.boards.map((b) => b.hashrateThs)).toEqual([3.1e7 / 1e12, 2.9e7 / 1e12]);
    expect([r.make, r.model, r.algorithm, r.pools[0].rejected]).toEqual(['AMD', '2x Radeon RX 580', 'ethash', 1]);
  });

  it('no Total: the GPUs add up; no algorithm at all is "unexpected"', () => {
    expect(parseNanominer(stats([{ Kawpow: { 'GPU 0': { Hashrate: '1e7' } } }])).hashrateThs).toBeCloseTo(1e7 / 1e12, 18);
    for (const bad of [stats([]), { Devices: [] }, stats([{ Ethash: { CurrentPool: 'x' } }])]) {
      try {
        parseNanominer(bad);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(DeviceError);
        expect((err as DeviceError).kind).toBe('unexpected');
      }
    }
  });
});

const probe = (json: unknown, status = 200): HttpProbeReply => ({ status, wwwAuthenticate: null, json, text: JSON.stringify(json) });

describe('identifyNanominer', () => {
  it('claims its /stats reply, nothing else', () => {
    expect(identifyNanominer({ http: { '/stats': probe(gpuFixtureJson(CAPTURE)) } })).toEqual({
      driver: 'nanominer',
      make: 'NVIDIA',
      model: '1x GeForce GTX 1050 Ti',
      firmware: 'nanominer',
    });
    expect(identifyNanominer({ http: { '/stats': probe(gpuFixtureJson(CAPTURE), 500) } })).toBeNull();
    expect(identifyNanominer({ http: { '/stats': probe(gpuFixtureJson('srbminer-multi-0.1.8-root.json')) } })).toBeNull();
    expect(nanominerDriver).toMatchObject({ name: 'nanominer', protocol: 'http', probePath: '/stats' });
  });
});

const entry = (text: string) => saneOrDeviceError(() => nanominerFromReply(httpReply(text), URL_));

describe('nanominer parse entry never throws anything but a DeviceError', () => {
  it('random strings, bytes and JSON', () => {
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
  });

  it('every truncation of the capture', () => {
    const text = gpuFixtureText(CAPTURE);
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(entry(text.slice(0, n)));
    expect(outcomes.slice(0, text.trimEnd().length).every((o) => o === 'error')).toBe(true);
    expect(outcomes[text.length]).toBe('reading');
  });

  it('the capture with values anywhere replaced by random JSON', () => {
    const base: unknown = JSON.parse(gpuFixtureText(CAPTURE));
    fc.assert(
      fc.property(replacementsIn(base), (patches) => void entry(JSON.stringify(withReplaced(base, patches)))),
      { numRuns: 500 },
    );
  });
});
