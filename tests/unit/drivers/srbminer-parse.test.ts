/**
 * SRBMiner-Multi GET / over the 0.1.8 capture (expected values read off it by hand; rates H/s / 1e12 =
 * TH/s), its quirks (gpu_devices lists fewer GPUs than gpu_hashrate; unverified 2.x power per GPU),
 * identify() and the property tests of srbminerFromReply, the entry poll() runs.
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
import { parseSrbminer, srbminerFromReply, srbminerGpuNames } from '../../../collectors/drivers/srbminer/parse';
import { identifySrbminer, srbminerDriver } from '../../../collectors/drivers/srbminer';
import { identifyNanominer } from '../../../collectors/drivers/nanominer';
import { identifyBminer } from '../../../collectors/drivers/bminer';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'srbminer-multi-0.1.8-root.json';
const URL_ = 'http://10.0.0.7:21550/';

const SRB_018: Reading = {
  driver: 'srbminer',
  make: 'AMD', // "radeon_rx_vega"
  model: '6x Radeon RX Vega', // six GPUs in gpu_hashrate, the one listed in gpu_devices names them
  firmware: 'SRBMiner-Multi 0.1.8',
  status: 'mining',
  hashrateThs: 6290860755.620301 / 1e12, // hashrate_total_now
  expectedHashrateThs: null,
  powerW: null, // 0.1.8 reports no power
  powerSource: null,
  efficiencyJth: null,
  boards: [
    gpuBoard(0, 1052373939.1692787 / 1e12, 55),
    gpuBoard(1, 1052535911.4670709 / 1e12, null),
    gpuBoard(2, 1038264624.0793476 / 1e12, null),
    gpuBoard(3, 1053226731.9473168 / 1e12, null),
    gpuBoard(4, 1046890553.2711909 / 1e12, null),
    gpuBoard(5, 1042258405.1337745 / 1e12, null),
  ],
  tempMaxC: 55,
  fansRpm: [3239],
  pools: [{ url: 'kda-us.icemining.ca:3700', user: '', status: 'Alive', accepted: 2171, rejected: 19 }],
  uptimeS: 18359, // mining_time
  hardwareErrors: 0, // compute_errors of the listed GPU
  algorithm: 'kadena',
};

describe('parseSrbminer on the capture', () => {
  it('SRBMiner-Multi 0.1.8, kadena on six Vegas', () => {
    expect(srbminerFromReply(httpReply(gpuFixtureText(CAPTURE)), URL_)).toEqual(relApprox(SRB_018));
  });
});

describe('SRBMiner quirks', () => {
  it('unlisted GPUs take the model of the listed ones only when all listed GPUs agree', () => {
    expect(srbminerGpuNames([0, 1, 2], new Map([[0, 'a']]))).toEqual(['a', 'a', 'a']);
    expect(
      srbminerGpuNames(
        [0, 1, 2],
        new Map([
          [0, 'a'],
          [1, 'b'],
        ]),
      ),
    ).toEqual(['a', 'b', null]);
    expect(srbminerGpuNames([0, 1], new Map())).toEqual([null, null]);
  });

  it('2.x per-GPU power (unverified shape) is firmware power; 0 W is no sensor', () => {
    const base = gpuFixtureJson(CAPTURE);
    const devices = [0, 1].map((i) => ({
      device: `GPU${i}`,
      device_id: i,
      model: 'radeon_rx_6700_xt',
      temperature: 60 + i,
      fan_speed_rpm: 0,
      power: 120 + i,
    }));
    const r = parseSrbminer({ ...base, gpu_devices: devices, gpu_hashrate: [{ GPU0: 4.7e7, GPU1: 4.8e7, total: 9.5e7 }] });
    expect([r.powerW, r.powerSource, r.fansRpm, r.model]).toEqual([241, 'firmware', [], '2x Radeon RX 6700 XT']);
    expect(r.efficiencyJth).toBeCloseTo(241 / r.hashrateThs, 0);
    const noPower = parseSrbminer({ ...base, gpu_devices: devices.map((d) => ({ ...d, power: 0 })) });
    expect([noPower.powerW, noPower.powerSource]).toEqual([null, null]);
  });

  it('without hashrate_total_now the per-GPU rates add up; without either it is "unexpected"', () => {
    const r = parseSrbminer({ miner_version: '1.0', gpu_hashrate: [{ GPU0: 1e6, GPU1: 2e6, total: 3e6 }] });
    expect(r.hashrateThs).toBeCloseTo(3e6 / 1e12, 18);
    expect(r.boards.map((b) => b.index)).toEqual([0, 1]);
    try {
      parseSrbminer({ miner_version: '1.0', rig_name: 'x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).message).toMatch(/no "hashrate_total_now"/);
    }
  });

  it("HTTP errors stay the transport's: 401 auth, 500 api-error", () => {
    expect(() => srbminerFromReply(httpReply('x', 401), URL_)).toThrow(/HTTP 401/);
    expect(() => srbminerFromReply(httpReply('x', 500), URL_)).toThrow(/HTTP 500/);
  });
});

const probe = (json: unknown, status = 200): HttpProbeReply => ({ status, wwwAuthenticate: null, json, text: JSON.stringify(json) });

describe('identifySrbminer', () => {
  it('claims its GET / reply', () => {
    expect(identifySrbminer({ http: { '/': probe(gpuFixtureJson(CAPTURE)) } })).toEqual({
      driver: 'srbminer',
      make: 'AMD',
      model: '6x Radeon RX Vega',
      firmware: 'SRBMiner-Multi 0.1.8',
    });
    expect(srbminerDriver).toMatchObject({ name: 'srbminer', protocol: 'http', defaultPort: 21550, probePath: '/' });
  });

  it("not a 404, another miner's JSON or an HTML page; and the others do not claim it", () => {
    expect(identifySrbminer({ http: { '/': probe(gpuFixtureJson(CAPTURE), 404) } })).toBeNull();
    for (const other of ['nanominer-stats.json', 'bminer-api-v1-status-solver.json', 'trex-0.9.1-summary.json', 'gminer-1.34-stat.json']) {
      expect(identifySrbminer({ http: { '/': probe(gpuFixtureJson(other)) } })).toBeNull();
    }
    expect(identifySrbminer({ http: { '/': { status: 200, wwwAuthenticate: null, json: null, text: '<html></html>' } } })).toBeNull();
    const srb = probe(gpuFixtureJson(CAPTURE));
    expect(identifyNanominer({ http: { '/stats': srb } })).toBeNull();
    expect(identifyBminer({ http: { '/api/v1/status/solver': srb } })).toBeNull();
  });
});

const entry = (text: string, status = 200) => saneOrDeviceError(() => srbminerFromReply(httpReply(text, status), URL_));

describe('SRBMiner parse entry never throws anything but a DeviceError', () => {
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
