/**
 * parseNbminer over the real /api/v1/status capture and NBMiner's quirks (protocols.md §2.3): *_raw
 * rates in H/s next to formatted ones ("23.0 M"), dual mining (the second coin left out), start_time
 * instead of uptime, "v"-prefixed version; identifyNbminer. Expected values read off the capture.
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, gpuFixtureJson, httpReply, relApprox } from '../../support/gpu-miner-fixtures';
import { identifyNbminer, nbminerDriver } from '../../../collectors/drivers/nbminer';
import { nbminerFromReply, parseNbminer } from '../../../collectors/drivers/nbminer/parse';
import { siRate } from '../../../collectors/drivers/gpu-miner/reading';
import { identifyGminer } from '../../../collectors/drivers/gminer';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'nbminer-10.0-api-v1-status.json';
const START_S = 1532482659; // the capture's start_time
const NOW_MS = (START_S + 3600) * 1000;

const EXPECTED: Reading = {
  driver: 'nbminer',
  make: 'NVIDIA',
  model: '2x GeForce GTX 1080 Ti', // info "GeForce GTX 1080 Ti 11178 MB"
  firmware: 'NBMiner 10.0', // version "v10.0"
  status: 'mining',
  hashrateThs: 2989 / 1e12, // miner.total_hashrate_raw, H/s (the primary coin; hashrate2 is the second)
  expectedHashrateThs: null,
  powerW: 354, // miner.total_power_consume
  powerSource: 'firmware',
  efficiencyJth: 354 / (2989 / 1e12),
  boards: [gpuBoard(0, 1499 / 1e12, 65), gpuBoard(1, 1490 / 1e12, 62)], // device 1 has no hashrate_raw: its "hashrate" 1490
  tempMaxC: 65,
  fansRpm: [], // fan is %
  pools: [
    {
      url: 'btm.pool.zhizh.com:3859',
      user: 'bmxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.test',
      status: 'Alive',
      accepted: 99,
      rejected: 1,
    },
  ],
  uptimeS: 3600, // now - start_time
  hardwareErrors: null,
  algorithm: null, // v10 names no algorithm
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

/** The capture with miner / devices[i] patched. */
function capture(miner: Record<string, unknown> = {}, device?: [number, Record<string, unknown>]): Record<string, unknown> {
  const body = gpuFixtureJson(CAPTURE);
  const m = body.miner as Record<string, unknown>;
  Object.assign(m, miner);
  if (device) Object.assign((m.devices as object[])[device[0]], device[1]);
  return body;
}

describe('parseNbminer on the capture', () => {
  it(CAPTURE, () => {
    expect(parseNbminer(gpuFixtureJson(CAPTURE), { nowMs: NOW_MS })).toEqual(relApprox(EXPECTED));
    expect(nbminerFromReply(httpReply(gpuFixtureText(CAPTURE)), 'http://rig:22333/api/v1/status', { nowMs: NOW_MS })).toEqual(
      relApprox(EXPECTED),
    );
  });
});

describe('NBMiner quirks', () => {
  it('leaves the dual-mining second coin out: hashrate2 "23.0 M" is not added', () => {
    const r = parseNbminer(gpuFixtureJson(CAPTURE));
    expect(r.hashrateThs).toBe(2989 / 1e12);
    expect(r.boards[0].hashrateThs).toBe(1499 / 1e12);
  });

  it('falls back to the formatted "hashrate" ("120.3 M") when hashrate_raw is absent', () => {
    expect(siRate('23.0 M')).toBe(23e6);
    expect(siRate('1.5 G')).toBe(1.5e9);
    expect(siRate('750 K')).toBe(750e3);
    expect(siRate('n/a')).toBeNull();
    const r = parseNbminer(
      capture({ total_hashrate_raw: undefined, total_hashrate: '240.6 M' }, [0, { hashrate_raw: undefined, hashrate: '120.3 M' }]),
    );
    expect(r.hashrateThs).toBeCloseTo(240.6e6 / 1e12, 15);
    expect(r.boards[0].hashrateThs).toBeCloseTo(120.3e6 / 1e12, 15);
  });

  it('sums the devices when the totals are missing', () => {
    const r = parseNbminer(capture({ total_hashrate_raw: null, total_hashrate: null, total_power_consume: null }));
    expect(r.hashrateThs).toBe((1499 + 1490) / 1e12);
    expect(r.powerW).toBe(182 + 172);
  });

  it('uptime needs the clock: none without nowMs, none when start_time is ahead of it', () => {
    expect(parseNbminer(gpuFixtureJson(CAPTURE)).uptimeS).toBeNull();
    expect(parseNbminer(gpuFixtureJson(CAPTURE), { nowMs: (START_S - 10) * 1000 }).uptimeS).toBeNull();
  });

  it('reads stratum.algorithm of newer versions', () => {
    const body = gpuFixtureJson(CAPTURE);
    (body.stratum as Record<string, unknown>).algorithm = 'ethash';
    expect(parseNbminer(body).algorithm).toBe('ethash');
  });

  it('without miner.devices it is a DeviceError', () => {
    expect(kindOf(() => parseNbminer({ miner: {}, stratum: {} }))).toBe('unexpected');
    expect(kindOf(() => parseNbminer({ miner: { devices: [] }, stratum: {} }))).toBe('unexpected');
    expect(kindOf(() => parseNbminer(42))).toBe('unexpected');
  });
});

const probe = (path: string, json: unknown, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { [path]: { status, wwwAuthenticate: null, json, text: JSON.stringify(json) } },
});

describe('identifyNbminer', () => {
  it('claims the capture', () => {
    expect(identifyNbminer(probe('/api/v1/status', gpuFixtureJson(CAPTURE)))).toEqual({
      driver: 'nbminer',
      make: 'NVIDIA',
      model: '2x GeForce GTX 1080 Ti',
      firmware: 'NBMiner 10.0',
    });
  });

  it("does not claim other miners' JSON or an error reply; GMiner does not claim NBMiner's", () => {
    expect(identifyNbminer(probe('/api/v1/status', gpuFixtureJson('gminer-1.34-stat.json')))).toBeNull();
    expect(identifyNbminer(probe('/api/v1/status', { miner: { devices: [] } }))).toBeNull();
    expect(identifyNbminer(probe('/api/v1/status', gpuFixtureJson(CAPTURE), 401))).toBeNull();
    expect(identifyGminer(probe('/stat', gpuFixtureJson(CAPTURE)))).toBeNull();
  });

  it('declares itself an http driver probing /api/v1/status on 22333', () => {
    expect(nbminerDriver).toMatchObject({ name: 'nbminer', protocol: 'http', defaultPort: 22333, probePath: '/api/v1/status' });
  });
});
