/**
 * NiceHash excavator: the devices.get capture with algorithm.list and subscribe.info as foreman's
 * ExcavatorITest serves them (no shared capture of those two: unverified shapes), expected values read off
 * them by hand (speed H/s / 1e12 = TH/s); quirks (NiceHash names, several algorithms), identify() and the
 * property tests of the entry poll() runs (parseJsonRpcReply per reply, then parseExcavator).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, gpuFixtureJson, relApprox, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { parseJsonRpcReply } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { excavatorAlgorithm, parseExcavator } from '../../../collectors/drivers/excavator/parse';
import { excavatorDriver, identifyExcavator } from '../../../collectors/drivers/excavator';
import { identifyPhoenixMiner } from '../../../collectors/drivers/phoenixminer';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'excavator-devices.get.json';

// foreman ExcavatorITest: algorithm.list and subscribe.info replies (values as in the test).
const ALGORITHMS = {
  algorithms: [
    {
      algorithm_id: 20,
      name: 'daggerhashimoto',
      speed: 9198932.692307692,
      uptime: 19.18597412109375,
      benchmark: false,
      accepted_shares: 0,
      rejected_shares: 0,
      got_job: true,
      received_jobs: 4,
      current_job_difficulty: 0.5,
    },
    {
      algorithm_id: 21,
      name: 'decred',
      speed: 5078989989.082617,
      uptime: 19.18767738342285,
      benchmark: false,
      sent_shares: 1,
      accepted_shares: 1,
      rejected_shares: 0,
      got_job: true,
      received_jobs: 1,
      current_job_difficulty: 4,
    },
    {
      algorithm_id: 24,
      name: 'equihash',
      speed: 441.36426519101843,
      uptime: 19.18423080444336,
      benchmark: false,
      sent_shares: 0,
      accepted_shares: 0,
      rejected_shares: 0,
      got_job: true,
      received_jobs: 2,
      current_job_difficulty: 1024,
    },
  ],
  id: 1,
  error: null,
};
const SUBSCRIBE = {
  id: 1,
  address: 'nhmp.eu.nicehash.com:3200',
  login: '34HKWdzLxWBduUfJE9JxaFhoXnfC6gmePG.test2:x',
  connected: true,
  server_status: 'Subscribed',
};

const EXCAVATOR: Reading = {
  driver: 'excavator',
  make: 'NVIDIA',
  model: '1x GeForce GTX 1080 Ti + 1x GeForce GTX 1080',
  firmware: 'excavator',
  status: 'mining',
  hashrateThs: 9198932.692307692 / 1e12, // the first algorithm (daggerhashimoto); decred and equihash are other algorithms
  expectedHashrateThs: null,
  // eslint-disable-next-line no-loss-of-precision -- the figures as the capture writes them
  powerW: 56.340999603271487 + 6.573999881744385, // gpu_power_usage of both GPUs
  powerSource: 'firmware',
  // eslint-disable-next-line no-loss-of-precision -- the figures as the capture writes them
  efficiencyJth: (56.340999603271487 + 6.573999881744385) / (9198932.692307692 / 1e12),
  boards: [gpuBoard(0, null, 28), gpuBoard(1, null, 35)], // no per-GPU rate in these replies
  tempMaxC: 35,
  fansRpm: [1036], // gpu_fan_speed_rpm; the second GPU's 0 is a stopped or absent fan
  pools: [
    { url: 'nhmp.eu.nicehash.com:3200', user: '34HKWdzLxWBduUfJE9JxaFhoXnfC6gmePG.test2', status: 'Alive', accepted: 1, rejected: 0 },
  ],
  uptimeS: 19, // 19.18597412109375 s
  hardwareErrors: null,
  algorithm: 'ethash', // NiceHash "daggerhashimoto"
};

const devices = () => parseJsonRpcReply(gpuFixtureText(CAPTURE), 'devices.get');

describe('parseExcavator on the capture', () => {
  it.each([
    { behaviour: 'devices.get + algorithm.list + subscribe.info', subscribe: SUBSCRIBE, expected: EXCAVATOR },
    { behaviour: 'without subscribe.info: no pool', subscribe: null, expected: { ...EXCAVATOR, pools: [] } },
  ])('$behaviour', ({ subscribe, expected }) => {
    expect(parseExcavator({ devices: devices(), algorithms: ALGORITHMS, subscribe })).toEqual(relApprox(expected));
  });
});

describe('excavator quirks', () => {
  it('NiceHash algorithm names', () => {
    expect([excavatorAlgorithm('daggerhashimoto'), excavatorAlgorithm('KawPow'), excavatorAlgorithm(null)]).toEqual([
      'ethash',
      'kawpow',
      null,
    ]);
  });

  it('a disconnected subscription is a dead pool; two workers on one algorithm add up', () => {
    const algorithms = {
      algorithms: [
        { name: 'kawpow', speed: 2e7 },
        { name: 'kawpow', speed: 1e7 },
        { name: 'x', speed: 5 },
      ],
    };
    const r = parseExcavator({ devices: devices(), algorithms, subscribe: { ...SUBSCRIBE, connected: false } });
    expect([r.algorithm, r.pools[0].status]).toEqual(['kawpow', 'Dead']);
    expect(r.hashrateThs).toBeCloseTo(3e7 / 1e12, 18);
  });

  it('devices.get alone has no hash rate: "unexpected", naming algorithm.list', () => {
    for (const [algorithms, message] of [
      [null, /algorithm\.list reply has no "algorithms" array/],
      [{ algorithms: [] }, /no algorithm with a "speed"/],
    ] as const) {
      try {
        parseExcavator({ devices: devices(), algorithms });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(DeviceError);
        expect((err as DeviceError).kind).toBe('unexpected');
        expect((err as DeviceError).message).toMatch(message);
      }
    }
    expect(() => parseExcavator({ devices: {}, algorithms: ALGORITHMS })).toThrow(/devices\.get reply has no "devices" array/);
  });
});

describe('identifyExcavator', () => {
  it("claims a devices.get reply, not PhoenixMiner's, and PhoenixMiner does not claim it", () => {
    expect(identifyExcavator({ jsonrpc: devices() })).toEqual({
      driver: 'excavator',
      make: 'NVIDIA',
      model: '1x GeForce GTX 1080 Ti + 1x GeForce GTX 1080',
      firmware: 'excavator',
    });
    expect(identifyExcavator({ jsonrpc: gpuFixtureJson('phoenixminer-miner_getstat1.json') })).toBeNull();
    expect(identifyPhoenixMiner({ jsonrpc: devices() })).toBeNull();
    expect(excavatorDriver).toMatchObject({ name: 'excavator', protocol: 'jsonrpc', defaultPort: 3456 });
  });
});

const entry = (devicesRaw: string, algorithmsRaw = JSON.stringify(ALGORITHMS)) =>
  saneOrDeviceError(() =>
    parseExcavator({
      devices: parseJsonRpcReply(devicesRaw, 'devices.get'),
      algorithms: parseJsonRpcReply(algorithmsRaw, 'algorithm.list'),
      subscribe: SUBSCRIBE,
    }),
  );

describe('excavator parse entry never throws anything but a DeviceError', () => {
  it('random strings, bytes and JSON for either reply', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void (entry(s), entry(gpuFixtureText(CAPTURE), s))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void entry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.jsonValue(),
        (v) => void (entry(JSON.stringify(v) ?? 'null'), entry(gpuFixtureText(CAPTURE), JSON.stringify(v) ?? 'null')),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.jsonValue(),
        (sub) => void saneOrDeviceError(() => parseExcavator({ devices: devices(), algorithms: ALGORITHMS, subscribe: sub })),
      ),
      { numRuns: 200 },
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
      fc.property(
        replacementsIn(ALGORITHMS),
        (patches) => void entry(gpuFixtureText(CAPTURE), JSON.stringify(withReplaced(ALGORITHMS, patches))),
      ),
      { numRuns: 400 },
    );
  });
});
