/**
 * miniZ getstat over the capture (expected values read off it by hand; speed_sps is Sol/s, counted as
 * H/s: / 1e12 = TH/s), its quirks (0 W is no power sensor, start_time -> uptime), identify() and the
 * property tests of the entry poll() runs (parseJsonRpcReply, then parseMiniz).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, gpuFixtureJson, relApprox, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { parseJsonRpcReply } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { MINIZ_GETSTAT, parseMiniz } from '../../../collectors/drivers/miniz/parse';
import { identifyMiniz, minizDriver } from '../../../collectors/drivers/miniz';
import { identifyPhoenixMiner } from '../../../collectors/drivers/phoenixminer';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'miniz-getstat.json';
const NOW_MS = (1552868166 + 3600) * 1000; // an hour after start_time 1552868166

const MINIZ: Reading = {
  driver: 'miniz',
  make: 'NVIDIA',
  model: '1x GeForce GTX 1050 Ti',
  firmware: 'miniZ',
  status: 'mining',
  hashrateThs: 20.3 / 1e12, // speed_sps 20.3 Sol/s
  expectedHashrateThs: null,
  powerW: null, // gpu_power_usage 0: no sensor
  powerSource: null,
  efficiencyJth: null,
  boards: [gpuBoard(0, 20.3 / 1e12, 68)],
  tempMaxC: 68,
  fansRpm: [], // gpu_fan_speed is %
  pools: [{ url: 'us-btg.2miners.com:4040', user: '', status: 'Alive', accepted: 3, rejected: 0 }],
  uptimeS: 3600,
  hardwareErrors: null,
  algorithm: null, // getstat does not say
};

const body = () => parseJsonRpcReply(gpuFixtureText(CAPTURE), 'getstat');

describe('parseMiniz on the capture', () => {
  it('miniZ on a GTX 1050 Ti', () => {
    expect(parseMiniz(body(), { nowMs: NOW_MS })).toEqual(relApprox(MINIZ));
  });

  it('without a clock (or a clock before start_time) the uptime is unknown', () => {
    expect(parseMiniz(body()).uptimeS).toBeNull();
    expect(parseMiniz(body(), { nowMs: 0 }).uptimeS).toBeNull();
  });
});

describe('miniZ quirks', () => {
  it('power is summed when the cards report it; server_status other than 1 is a dead pool', () => {
    const base = gpuFixtureJson(CAPTURE);
    const row = (base.result as Array<Record<string, unknown>>)[0];
    const r = parseMiniz({
      ...base,
      server_status: 0,
      result: [
        { ...row, gpu_power_usage: 75 },
        { ...row, gpuid: 1, gpu_power_usage: 80, speed_sps: 21 },
      ],
    });
    expect([r.powerW, r.powerSource, r.pools[0].status, r.pools[0].accepted, r.model]).toEqual([
      155,
      'firmware',
      'Dead',
      6,
      '2x GeForce GTX 1050 Ti',
    ]);
    expect(r.hashrateThs).toBeCloseTo(41.3 / 1e12, 20);
  });

  it('the request is the exact bytes miniZ answers', () => {
    expect(MINIZ_GETSTAT).toBe('{"id":"0", "method":"getstat"}');
    expect(minizDriver).toMatchObject({ name: 'miniz', protocol: 'jsonrpc', defaultPort: 20000 });
  });

  it('no result, no GPU or no speed is "unexpected"; an error member is an api-error', () => {
    for (const bad of [{ id: 0 }, { result: [] }, { result: [{ gpuid: 0, temperature: 60 }] }]) {
      try {
        parseMiniz(bad);
        expect.unreachable();
      } catch (err) {
        expect((err as DeviceError).kind).toBe('unexpected');
      }
    }
    expect(() => parseJsonRpcReply('{"id":0,"method":"getstat","error":"not ready"}', 'getstat')).toThrow(
      /answered with error "not ready"/,
    );
  });
});

describe('identifyMiniz', () => {
  it('claims its getstat shape; the PhoenixMiner reply is not it and it is not PhoenixMiner', () => {
    expect(identifyMiniz({ jsonrpc: body() })).toEqual({
      driver: 'miniz',
      make: 'NVIDIA',
      model: '1x GeForce GTX 1050 Ti',
      firmware: 'miniZ',
    });
    expect(identifyMiniz({ jsonrpc: gpuFixtureJson('phoenixminer-miner_getstat1.json') })).toBeNull();
    expect(identifyPhoenixMiner({ jsonrpc: body() })).toBeNull();
    expect(identifyMiniz({})).toBeNull();
  });
});

const entry = (raw: string) => saneOrDeviceError(() => parseMiniz(parseJsonRpcReply(raw, 'getstat'), { nowMs: NOW_MS }));

describe('miniZ parse entry never throws anything but a DeviceError', () => {
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
