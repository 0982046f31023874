/**
 * Whatsminer API v3 over the vendor-doc captures (whatsminer-apiv3-docs-*): the frame entry (parseV3Frame),
 * parseWhatsminerV3, identify and the error-code forms. Expected numbers were read off each capture by hand
 * (hash rates are TH/s as sent, power W).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody, fixtureText } from '../../support/driver-fixtures';
import { deviceInfoDocAsJson } from '../../support/whatsminer-v3-fixtures';
import { parseV3Frame } from '../../../collectors/drivers/btminer-v3/envelope';
import { identifyWhatsminerV3, whatsminerV3Driver } from '../../../collectors/drivers/whatsminer-v3';
import { btminerV3ErrorCodes, parseWhatsminerV3, type WhatsminerV3Replies } from '../../../collectors/drivers/whatsminer-v3/parse';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const SUMMARY = 'whatsminer-apiv3-docs-get.miner.status-summary.json';
const frame = (name: string) => parseV3Frame(fixtureText(name), name).body;
const deviceInfo = () => parseV3Frame(deviceInfoDocAsJson(), 'get.device.info').body;

function catchError(fn: () => unknown): DeviceError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return err as DeviceError;
  }
  throw new Error('expected a DeviceError');
}

// The doc summary: hash-1min 102.072, factory-hash 101.366, power-realtime 3268, board-temperature
// [69.6, 70.1, 72.3], chip-temp-max 100.3, fans 4980/5070, elapsed 1074.
const DOC_SUMMARY_READING: Omit<Reading, 'model' | 'firmware'> = {
  driver: 'whatsminer-v3',
  make: 'MicroBT',
  status: 'mining', // 100.3 degC chips, but 102.072 of 101.366 TH/s: no shortfall
  hashrateThs: 102.072,
  expectedHashrateThs: 101.366,
  powerW: 3268,
  powerSource: 'firmware',
  efficiencyJth: 3268 / 102.072,
  boards: [board(0, null, null, 69.6), board(1, null, null, 70.1), board(2, null, null, 72.3)],
  tempMaxC: 100.3,
  fansRpm: [4980, 5070],
  pools: [],
  uptimeS: 1074,
  hardwareErrors: null,
};

describe('parseWhatsminerV3 on the vendor-doc captures', () => {
  it.each([
    {
      behaviour: 'summary + device info: model from miner.type, firmware from system.fwversion',
      withInfo: true,
      modelHint: null,
      expected: { ...DOC_SUMMARY_READING, model: 'Whatsminer M30S++', firmware: '20240722.07.51.REL' },
    },
    {
      behaviour: 'summary alone: no model, firmware unknown, power still from the firmware',
      withInfo: false,
      modelHint: null,
      expected: { ...DOC_SUMMARY_READING, model: 'Whatsminer', firmware: 'btminer API v3' },
    },
    {
      behaviour: 'summary alone with the registered model',
      withInfo: false,
      modelHint: 'M60S',
      expected: { ...DOC_SUMMARY_READING, model: 'Whatsminer M60S', firmware: 'btminer API v3' },
    },
  ])('$behaviour', ({ withInfo, modelHint, expected }) => {
    const replies: WhatsminerV3Replies = { summary: frame(SUMMARY), deviceInfo: withInfo ? deviceInfo() : null };
    expect(parseWhatsminerV3(replies, { modelHint })).toEqual(approx(expected));
  });

  it.each([
    ['whatsminer-apiv3-docs-get.fan.setting.json', 'get.fan.setting'],
    ['whatsminer-apiv3-docs-set-ok.json', 'set.fan.poweroff_cool'],
  ])('%s is a well-formed reply (code 0, desc %s) but not a summary', (name, desc) => {
    const body = frame(name);
    expect(body).toMatchObject({ code: 0, desc });
    const err = catchError(() => parseWhatsminerV3({ summary: body }));
    expect(err.kind).toBe('unexpected');
    expect(err.message).toContain('msg.summary');
  });

  it('the fan-setting capture reads as sent (fan-temp-offset -10)', () => {
    expect(frame('whatsminer-apiv3-docs-get.fan.setting.json')).toEqual({
      code: 0,
      when: 1692858102,
      msg: { 'fan-poweroff-cool': 1, 'fan-zero-speed': 0, 'fan-temp-offset': -10 },
      desc: 'get.fan.setting',
    });
  });

  it('the doc device info, as its comments say: pin 3264 W, vout 1209 (x100 mV), salt px5hoXa9', () => {
    const msg = (deviceInfo() as { msg: Record<string, Record<string, unknown>> }).msg;
    expect(msg.power).toMatchObject({ pin: 3264, vout: 1209, vin: 220.5, iin: 14.8, fanspeed: 6112, temp0: 41.3 });
    expect(msg.salt).toBe('px5hoXa9');
    expect(msg.miner).toMatchObject({ type: 'M30S++_VH70', working: 'false', 'board-num': '3' });
  });

  it('the doc device info as-is is not JSON: the frame entry says garbage, not a crash', () => {
    const err = catchError(() => parseV3Frame(fixtureText('whatsminer-apiv3-docs-get.device.info.jsonc'), 'get.device.info'));
    expect(err.kind).toBe('garbage');
  });
});

describe('identifyWhatsminerV3', () => {
  it('names model and firmware from the doc get.device.info reply', () => {
    expect(identifyWhatsminerV3({ btminerV3: deviceInfo() })).toEqual({
      driver: 'whatsminer-v3',
      make: 'MicroBT',
      model: 'Whatsminer M30S++',
      firmware: '20240722.07.51.REL',
    });
  });

  it('claims a v3 envelope that refused the command (code -4) without naming the model', () => {
    const refused = { code: -4, when: 1, msg: 'no permission', desc: 'get.device.info' };
    expect(identifyWhatsminerV3({ btminerV3: refused })).toMatchObject({ driver: 'whatsminer-v3', model: 'Whatsminer' });
  });

  it.each([
    ['no btminer-v3 probe', {}],
    ['a null probe reply', { btminerV3: null }],
    ['a cgminer-style v2 reply', { btminerV3: fixtureBody('whatsminer-get_token.json') }],
    ['JSON without code', { btminerV3: { msg: { miner: {} } } }],
    ['a v3 envelope of another command', { btminerV3: frame('whatsminer-apiv3-docs-get.fan.setting.json') }],
    [
      'only cgminer replies (v2 Whatsminer, Antminer)',
      { cgminer: { version: null, stats: null, devdetails: null, summary: { SUMMARY: [{ 'Factory GHS': 1 }] } } },
    ],
  ])('returns null for %s', (_what, probe) => {
    expect(identifyWhatsminerV3(probe)).toBeNull();
  });

  it('is registered with its protocol and port', () => {
    expect(whatsminerV3Driver).toMatchObject({ name: 'whatsminer-v3', protocol: 'btminer-v3', defaultPort: 4433 });
  });
});

describe('API v3 quirks', () => {
  it('error-code list: objects {"<code>": time, reason}, strings, ints and a bare object are all read', () => {
    const doc = (deviceInfo() as { msg: Record<string, unknown> }).msg['error-code'];
    expect(btminerV3ErrorCodes(doc)).toEqual([
      { code: '531', time: '2025-03-12 14:52:35', reason: 'Slot1 not found.' },
      { code: '532', time: '2025-03-12 14:52:35', reason: 'Slot2 not found.' },
    ]);
    expect(btminerV3ErrorCodes(['110', 111, 'btminer process is down err', null, [], { reason: 'fan lost' }])).toEqual([
      { code: '110', reason: null, time: null },
      { code: '111', reason: null, time: null },
      { code: null, reason: 'btminer process is down err', time: null },
      { code: null, reason: 'fan lost', time: null },
    ]);
    expect(btminerV3ErrorCodes({ '203': '2024-01-01 00:00:00' })).toEqual([{ code: '203', reason: null, time: '2024-01-01 00:00:00' }]);
    expect(btminerV3ErrorCodes(undefined)).toEqual([]);
  });

  it.each([
    [-1, 'failed'],
    [-2, 'invalid command'],
    [-3, 'invalid JSON'],
    [-4, 'no permission'],
  ])('code %i is an api-error carrying the device msg and what the code means', (code, meaning) => {
    const text = JSON.stringify({ code, when: 1692685476, msg: 'device said no', desc: 'get.miner.status' });
    const err = catchError(() => parseV3Frame(text, 'get.miner.status summary'));
    expect(err.kind).toBe('api-error');
    expect(err.message).toBe(`"get.miner.status summary" failed: device said no (code ${code}, ${meaning})`);
  });

  it('code != 0 inside parse itself (parse does not trust its caller)', () => {
    const err = catchError(() => parseWhatsminerV3({ summary: { code: -5, msg: { summary: {} } } }));
    expect([err.kind, err.message]).toEqual(['api-error', '"get.miner.status summary" failed: {"summary":{}} (code -5, out of memory)']);
  });

  it('a reply without a numeric code is not a v3 envelope', () => {
    expect(catchError(() => parseV3Frame('{"msg":"ok"}', 'get.device.info')).kind).toBe('unexpected');
  });

  const summaryOf = (fields: Record<string, unknown>) => ({ code: 0, msg: { summary: fields } });

  it('hash rates are TH/s as sent: no unit conversion, hash-1min first, then hash-realtime', () => {
    expect(parseWhatsminerV3({ summary: summaryOf({ 'hash-1min': 186.5, 'hash-realtime': 190 }) }).hashrateThs).toBe(186.5);
    expect(parseWhatsminerV3({ summary: summaryOf({ 'hash-realtime': 190, 'hash-average': 180 }) }).hashrateThs).toBe(190);
    expect(catchError(() => parseWhatsminerV3({ summary: summaryOf({ elapsed: 3 }) })).kind).toBe('unexpected');
  });

  it('edevs give per-board hash-average, effective-chips and chip-temp-max in slot order; pools use "account"', () => {
    const edevs = {
      code: 0,
      msg: {
        edevs: [
          { id: 1, slot: 1, 'hash-average': 62.1, 'factory-hash': 62, freq: 580, 'effective-chips': 245, 'chip-temp-max': 81.5 },
          { id: 0, slot: 0, 'hash-average': 61.9, 'factory-hash': 62, freq: 580, 'effective-chips': 244, 'chip-temp-max': 79 },
        ],
      },
    };
    const pools = {
      code: 0,
      msg: {
        pools: [
          { id: 1, url: 'stratum+tcp://a.example:3333', status: 'alive', account: 'acct.w1', 'stratum-active': true },
          { id: 2, url: '' },
        ],
      },
    };
    const r = parseWhatsminerV3({ summary: summaryOf({ 'hash-1min': 124, 'board-temperature': [60, 61] }), edevs, pools });
    expect(r.boards).toEqual([board(0, 61.9, 244, 79), board(1, 62.1, 245, 81.5)]);
    expect(r.expectedHashrateThs).toBe(124); // no factory-hash in the summary: the boards' 62 + 62
    expect(r.tempMaxC).toBe(81.5);
    expect(r.pools).toEqual([{ url: 'stratum+tcp://a.example:3333', user: 'acct.w1', status: 'alive', accepted: 0, rejected: 0 }]);
  });

  it('fans report only real RPM values (a stopped fan-speed-out of 0 is left out)', () => {
    expect(parseWhatsminerV3({ summary: summaryOf({ 'hash-1min': 1, 'fan-speed-in': 4980, 'fan-speed-out': 0 }) }).fansRpm).toEqual([4980]);
  });

  it('power: power-realtime, else power-5min, else the PSU pin of device info, else a nameplate estimate', () => {
    const info = { code: 0, msg: { miner: { type: 'M60S_VK30' }, power: { pin: 3300 } } };
    const p = (fields: Record<string, unknown>, deviceInfo: object | null = null) => {
      const r = parseWhatsminerV3({ summary: summaryOf({ 'hash-1min': 186, ...fields }), deviceInfo });
      return [r.powerW, r.powerSource];
    };
    expect(p({ 'power-realtime': 3400, 'power-5min': 3390 })).toEqual([3400, 'firmware']);
    expect(p({ 'power-5min': 3390.5 })).toEqual([3390.5, 'firmware']);
    expect(p({}, info)).toEqual([3300, 'firmware']);
    // nameplate M60S: 186 TH/s at 3422 W, here at exactly 186 TH/s
    expect(p({}, { code: 0, msg: { miner: { type: 'M60S_VK30' } } })).toEqual([expect.closeTo(3422, 6), 'estimated']);
  });

  it.each([
    ['hot and short of factory-hash', { 'hash-1min': 50, 'factory-hash': 101, 'chip-temp-max': 95 }, null, 'throttled'],
    ['no hash, hot', { 'hash-1min': 0, 'chip-temp-max': 96 }, null, 'throttled'],
    ['no hash, working "false", no error codes', { 'hash-1min': 0, 'power-realtime': 15 }, { working: 'false' }, 'sleeping'],
    [
      'no hash, the doc error codes (slots not found)',
      { 'hash-1min': 0, 'power-realtime': 15 },
      { working: 'false', codes: true },
      'error',
    ],
    ['no hash while the boards draw power', { 'hash-1min': 0, 'power-realtime': 3200 }, { working: 'true' }, 'error'],
    ['no hash, boards off', { 'hash-1min': 0, 'power-realtime': 120 }, null, 'sleeping'],
  ])('status: %s -> %s', (_what, fields, info, expected) => {
    const errorCodes = (deviceInfo() as { msg: Record<string, unknown> }).msg['error-code'];
    const infoBody = info ? { code: 0, msg: { miner: { working: info.working }, 'error-code': 'codes' in info ? errorCodes : [] } } : null;
    expect(parseWhatsminerV3({ summary: summaryOf(fields), deviceInfo: infoBody }).status).toBe(expected);
  });
});
