/**
 * parsePhoenixMiner over the real miner_getstat1 capture, expected values read off it by hand (rates are
 * kH/s: kH/s / 1e9 = TH/s), then the quirks of protocols.md §2.3 (";"-joined strings, temp/fan-% pairs,
 * Claymore's version string) and identify().
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, relApprox } from '../../support/gpu-miner-fixtures';
import { parseJsonRpcReply } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { parsePhoenixMiner, phoenixVersion } from '../../../collectors/drivers/phoenixminer/parse';
import { identifyPhoenixMiner, phoenixminerDriver } from '../../../collectors/drivers/phoenixminer';
import { identifyTeamRedMiner } from '../../../collectors/drivers/teamredminer';
import { identifyMiniz } from '../../../collectors/drivers/miniz';
import { identifyExcavator } from '../../../collectors/drivers/excavator';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'phoenixminer-miner_getstat1.json';
const body = () => parseJsonRpcReply(gpuFixtureText(CAPTURE), 'miner_getstat1');

const PM_51C: Reading = {
  driver: 'phoenixminer',
  make: 'GPU', // the API names no GPUs
  model: '8x GPU',
  firmware: 'PhoenixMiner 5.1c',
  status: 'mining',
  hashrateThs: 237936 / 1e9, // "237936;1;0": 237936 kH/s
  expectedHashrateThs: null,
  powerW: null,
  powerSource: null,
  efficiencyJth: null,
  boards: [
    gpuBoard(0, 29792 / 1e9, 50),
    gpuBoard(1, 29791 / 1e9, 46),
    gpuBoard(2, 29689 / 1e9, 47),
    gpuBoard(3, 29787 / 1e9, 47),
    gpuBoard(4, 29793 / 1e9, 48),
    gpuBoard(5, 29794 / 1e9, 48),
    gpuBoard(6, 29793 / 1e9, 47),
    gpuBoard(7, 29494 / 1e9, 48),
  ],
  tempMaxC: 50,
  fansRpm: [], // "50;49;46;47;...": the second of each pair is fan duty %, not RPM
  pools: [{ url: 'ssl://eu1.ethermine.org:5555', user: '', status: 'Alive', accepted: 1, rejected: 0 }],
  uptimeS: 0, // "0" minutes
  hardwareErrors: 0, // "0;0;0;0": invalid shares first
  algorithm: 'ethash', // "- ETH"
};

describe('parsePhoenixMiner on the capture', () => {
  it.each([
    { behaviour: 'PhoenixMiner 5.1c, 8 GPUs, no hint', hint: null, expected: PM_51C },
    { behaviour: 'the registered model names the rig', hint: '8x RX 580', expected: { ...PM_51C, model: '8x RX 580' } },
  ])('$behaviour', ({ hint, expected }) => {
    expect(parsePhoenixMiner(body(), { modelHint: hint })).toEqual(relApprox(expected));
  });

  it('the capture ends with "\\n" and still parses; a trailing NUL is tolerated too', () => {
    const text = gpuFixtureText(CAPTURE);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parsePhoenixMiner(parseJsonRpcReply(`${text.trimEnd()}\u0000`, 'miner_getstat1')).hashrateThs).toBeCloseTo(237936 / 1e9, 15);
  });
});

const reply = (result: unknown[]) => ({ id: 0, jsonrpc: '2.0', result });

describe('miner_getstat1 quirks', () => {
  it('"off" in the per-GPU rates is a disabled GPU: no rate on that board, the total stays the miner\'s', () => {
    const r = parsePhoenixMiner(
      reply([
        'PM 6.2c - ETH',
        '125',
        '60000;10;1',
        '30000;off;30000',
        '0;0;0',
        'off;off;off',
        '60;50;0;0;62;55',
        'stratum+tcp://p:4444',
        '2;0;0;0',
      ]),
    );
    expect(r.boards.map((b) => b.hashrateThs)).toEqual([30000 / 1e9, null, 30000 / 1e9]);
    expect(r.boards.map((b) => b.tempC)).toEqual([60, null, 62]); // 0 degC = no sensor
    expect([r.hashrateThs, r.uptimeS, r.hardwareErrors]).toEqual([60000 / 1e9, 125 * 60, 2]);
  });

  it('Claymore: "10.0 - ETH" is read the same way and named Claymore', () => {
    expect(phoenixVersion('10.0 - ETH')).toEqual({ firmware: 'Claymore 10.0', algorithm: 'ethash', unitHs: 1000 });
    expect(phoenixVersion('PM 5.1c - ETC')).toEqual({ firmware: 'PhoenixMiner 5.1c', algorithm: 'etchash', unitHs: 1000 });
    expect(phoenixVersion('whatever')).toEqual({ firmware: 'whatever', algorithm: null, unitHs: 1000 });
  });

  it("Claymore's ZCash miner reports Sol/s where the Ethereum miners report kH/s", () => {
    const r = parsePhoenixMiner(
      reply(['12.6 - ZEC', '3', '1450;4;0', '725;725', '0;0;0', 'off;off', '61;40;63;42', 'zec.pool:3333', '0;0']),
    );
    expect([r.hashrateThs, r.algorithm, r.firmware]).toEqual([1450 / 1e12, 'equihash', 'Claymore 12.6']);
  });

  it('a failover pool list "a;b" reports the first (in use)', () => {
    const r = parsePhoenixMiner(reply(['PM 5.1c - ETH', '1', '100;0;0', '100', '0;0;0', 'off', '50;50', 'ssl://a:1;ssl://b:2', '0;0;0;0']));
    expect(r.pools.map((p) => p.url)).toEqual(['ssl://a:1']);
  });

  it.each([
    ['no result', { id: 0, error: null }, 'unexpected', /no "result" array/],
    ['no total rate', reply(['PM 5.1c - ETH', '0', 'x;1;0']), 'unexpected', /result\[2\] has no total hash rate/],
  ])('%s -> DeviceError %s', (_what, b, kind, message) => {
    const run = () => parsePhoenixMiner(b);
    expect(run).toThrow(DeviceError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (err) {
      expect((err as DeviceError).kind).toBe(kind);
    }
  });

  it('a JSON-RPC error member is an api-error, naming the method', () => {
    const run = () =>
      parseJsonRpcReply('{"id":0,"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"}}\n', 'miner_getstat1');
    expect(run).toThrow(/"miner_getstat1" answered with error "Method not found" \(code -32601\)/);
  });
});

describe('identifyPhoenixMiner', () => {
  it('claims a miner_getstat1 reply and says what it is', () => {
    expect(identifyPhoenixMiner({ jsonrpc: body() })).toEqual({
      driver: 'phoenixminer',
      make: 'GPU',
      model: '8x GPU',
      firmware: 'PhoenixMiner 5.1c',
    });
    expect(phoenixminerDriver).toMatchObject({ name: 'phoenixminer', protocol: 'jsonrpc', defaultPort: 3333 });
  });

  it('is not claimed by the other jsonrpc drivers, and does not claim theirs', () => {
    expect(identifyMiniz({ jsonrpc: body() })).toBeNull();
    expect(identifyExcavator({ jsonrpc: body() })).toBeNull();
    expect(identifyTeamRedMiner({ jsonrpc: body() })).toBeNull();
    const miniz = JSON.parse(gpuFixtureText('miniz-getstat.json')) as object;
    const excavator = JSON.parse(gpuFixtureText('excavator-devices.get.json')) as object;
    for (const other of [miniz, excavator, null, { result: [] }]) expect(identifyPhoenixMiner({ jsonrpc: other })).toBeNull();
  });
});
