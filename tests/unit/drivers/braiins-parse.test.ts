/**
 * parseBraiins over the real Braiins OS captures; expected numbers were read off each capture by hand
 * (MH/s / 1e6 = TH/s). Rules with no capture use small synthetic replies shaped like protocols.md §1.4
 * and the BOSminer API documentation examples (tunerstatus, devdetails).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody as body, fixtureText } from '../../support/driver-fixtures';
import { DeviceError } from '../../../collectors/drivers/types';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseBraiins, type BraiinsReplies } from '../../../collectors/drivers/braiins/parse';
import type { Reading } from '../../../lib/domain/reading';

type Name = keyof BraiinsReplies;

/**
 * The BOSer captures were cut by the author who quoted them: both end right after the last section,
 * without the `,"id":1}` every cgminer reply closes with (compare braiins-bos-s9-summary.json).
 */
const completed = (name: string) => parseCgminerReply(`${fixtureText(name)},"id":1}`, name).body;

const ANTPOOL_USER = 'antminer_1';

const ROWS: Array<{
  behaviour: string;
  replies: Partial<Record<Name, string>>;
  completedSummary?: string;
  modelHint?: string;
  expected: Omit<Reading, 'driver'>;
}> = [
  {
    behaviour: 'BOSminer+ S9: MHS 1m, Nominal MHS sum, IDs 6..8 as boards 0..2, Chip 0.0 so Board temps, fans without the 0 RPM slots',
    replies: {
      summary: 'braiins-bosplus-s9-summary.json',
      version: 'braiins-bosplus-s9-version.json',
      devs: 'braiins-bosplus-s9-devs.json',
      pools: 'braiins-bosplus-s9-pools.json',
      fans: 'braiins-bosplus-s9-fans.json',
      temps: 'braiins-bosplus-s9-temps.json',
    },
    expected: {
      make: 'Bitmain',
      model: 'Antminer', // no devdetails and no registered model
      firmware: 'BOSminer+ 0.2.0-36c56a9363',
      status: 'mining',
      hashrateThs: 13967276.98800245 / 1e6,
      expectedHashrateThs: (3 * 4668300.0) / 1e6,
      powerW: null, // no tunerstatus, no nameplate for a bare "Antminer"
      powerSource: null,
      efficiencyJth: null,
      boards: [
        board(0, 3591737.9840682694 / 1e6, null, 75.0),
        board(1, 3752083.429785603 / 1e6, null, 63.0),
        board(2, 3623807.073211736 / 1e6, null, 70.0),
      ],
      tempMaxC: 75.0,
      fansRpm: [2820, 3780],
      pools: [
        { url: 'stratum+tcp://stratum.antpool.com:3333', user: ANTPOOL_USER, status: 'Alive', accepted: 152, rejected: 0 },
        { url: 'stratum+tcp://stratum.antpool.com:443', user: ANTPOOL_USER, status: 'Alive', accepted: 0, rejected: 0 },
        { url: 'stratum+tcp://stratum.antpool.com:25', user: ANTPOOL_USER, status: 'Alive', accepted: 0, rejected: 0 },
      ],
      uptimeS: 3680,
      hardwareErrors: 186,
    },
  },
  {
    behaviour: 'open-source BOSminer S9 right after start: summary + version, registered model used',
    replies: { summary: 'braiins-bos-s9-summary.json', version: 'braiins-bos-s9-version.json' },
    modelHint: 'Antminer S9',
    expected: {
      make: 'Bitmain',
      model: 'Antminer S9',
      firmware: 'BOSminer 0.2.0-d360818',
      status: 'mining',
      hashrateThs: 14194945.838709138 / 1e6,
      expectedHashrateThs: null,
      powerW: null,
      powerSource: null,
      efficiencyJth: null,
      boards: [],
      tempMaxC: null,
      fansRpm: [],
      pools: [],
      uptimeS: 92,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'BOSer S9 summary (completed with its closing `,"id":1}`): firmware from the Description',
    replies: {},
    completedSummary: 'braiins-boser-s9-summary.truncated.json',
    expected: {
      make: 'Bitmain',
      model: 'Antminer',
      firmware: 'BOSer boser-openwrt 0.1.0-26ba61b9',
      status: 'mining',
      hashrateThs: 3888120.962872575 / 1e6,
      expectedHashrateThs: null,
      powerW: null,
      powerSource: null,
      efficiencyJth: null,
      boards: [],
      tempMaxC: null,
      fansRpm: [],
      pools: [],
      uptimeS: 260281,
      hardwareErrors: 442,
    },
  },
];

describe('parseBraiins on captures', () => {
  it.each(ROWS)('$behaviour', (row) => {
    const load = (name: Name) => (row.replies[name] ? body(row.replies[name]!) : null);
    const replies: BraiinsReplies = {
      summary: row.completedSummary ? completed(row.completedSummary) : body(row.replies.summary!),
      version: load('version'),
      devs: load('devs'),
      devdetails: load('devdetails'),
      pools: load('pools'),
      fans: load('fans'),
      temps: load('temps'),
      tunerstatus: load('tunerstatus'),
    };
    const reading = parseBraiins(replies, { modelHint: row.modelHint ?? null });
    expect(reading).toEqual(approx({ driver: 'braiins', ...row.expected }));
  });
});

describe('BOSer captures cut short by their quoting author', () => {
  it.each(['braiins-boser-s9-summary.truncated.json', 'braiins-boser-s9-error-invalid-json.truncated.json'])(
    '%s as received is a clear "truncated" DeviceError',
    (name) => {
      const raw = fixtureText(name);
      let caught: unknown;
      try {
        parseCgminerReply(raw, 'summary', '10.0.0.9:4028');
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DeviceError);
      expect((caught as DeviceError).kind).toBe('truncated');
      expect((caught as DeviceError).message).toBe(
        `reply to "summary" from 10.0.0.9:4028 cut short after ${Buffer.byteLength(raw)} bytes (unclosed JSON)`,
      );
    },
  );

  it('the BOSer Code 23 "Invalid JSON" reply, once complete, is an "api-error" naming message and code', () => {
    expect(() => completed('braiins-boser-s9-error-invalid-json.truncated.json')).toThrow(
      expect.objectContaining({ kind: 'api-error', message: 'Invalid JSON (code 23)' }),
    );
  });
});

// Synthetic replies below: section rows shaped like the captures and the BOSminer API docs.
const summary = (fields: Record<string, unknown>) => ({
  STATUS: [{ STATUS: 'S', Code: 11, Description: 'BOSminer+ 0.2.0' }],
  SUMMARY: [fields],
});
const rows = (section: string, list: Array<Record<string, unknown>>, msg = 'ok') => ({
  STATUS: [{ STATUS: 'S', Msg: msg }],
  [section]: list,
});
const DOC_DEVDETAILS = rows(
  'DEVDETAILS',
  [6, 7, 8].map((id) => ({ Chips: 63, ID: id, Model: 'Bitmain Antminer S9' })),
);

describe('parseBraiins rules (protocols.md §1.4)', () => {
  it('keys are sorted on the wire, but the parser does not depend on key order', () => {
    const s = body('braiins-bosplus-s9-summary.json') as { SUMMARY: Array<Record<string, unknown>> };
    const reversed = { ...s, SUMMARY: [Object.fromEntries(Object.entries(s.SUMMARY[0]).reverse())] };
    expect(parseBraiins({ summary: reversed })).toEqual(parseBraiins({ summary: s }));
  });

  it('pools with "Last Share Time" as a unix epoch (not h:m:s) read like any cgminer pools', () => {
    const pools = body('braiins-bosplus-s9-pools.json') as { POOLS: Array<Record<string, unknown>> };
    expect(pools.POOLS[0]['Last Share Time']).toBe(1597187897); // the quirk, as captured
    const reading = parseBraiins({ summary: body('braiins-bosplus-s9-summary.json'), pools });
    expect(reading.pools.map((p) => [p.url, p.accepted])).toEqual([
      ['stratum+tcp://stratum.antpool.com:3333', 152],
      ['stratum+tcp://stratum.antpool.com:443', 0],
      ['stratum+tcp://stratum.antpool.com:25', 0],
    ]);
  });

  it('tunerstatus ApproximateMinerPowerConsumption is firmware power (BOSminer docs example: 1419 W)', () => {
    const tunerstatus = rows('TUNERSTATUS', [
      { ApproximateChainPowerConsumption: 1344, ApproximateMinerPowerConsumption: 1419, PowerLimit: 1420 },
    ]);
    const reading = parseBraiins({ summary: body('braiins-bosplus-s9-summary.json'), tunerstatus });
    expect([reading.powerW, reading.powerSource]).toEqual([1419, 'firmware']);
    expect(reading.efficiencyJth).toBeCloseTo(1419 / (13967276.98800245 / 1e6), 9);
  });

  it('devdetails "Bitmain Antminer S19 XP" names the model and its nameplate estimates power', () => {
    const devdetails = rows('DEVDETAILS', [{ Chips: 110, ID: 1, Model: 'Bitmain Antminer S19 XP' }]);
    const reading = parseBraiins({ summary: summary({ 'MHS 1m': 140_000_000 }), devdetails });
    expect([reading.make, reading.model]).toEqual(['Bitmain', 'Antminer S19 XP']);
    // nameplate S19 XP: 140 TH/s at 3010 W, here exactly 140 TH/s
    expect([reading.powerW, reading.powerSource]).toEqual([expect.closeTo(3010, 6), 'estimated']);
    expect(reading.boards).toEqual([board(0, null, 110, null)]);
  });

  it('devdetails chips join devs and temps by chain ID; IDs 1..3 (S19-class) are boards 0..2 as well', () => {
    const devs = rows(
      'DEVS',
      [3, 1, 2].map((id) => ({ ID: id, 'MHS 1m': id * 1e6 })),
    );
    const devdetails = rows(
      'DEVDETAILS',
      [1, 2, 3].map((id) => ({ Chips: 100 + id, ID: id })),
    );
    const temps = rows(
      'TEMPS',
      [1, 2, 3].map((id) => ({ Board: 50 + id, Chip: 70 + id, ID: id })),
    );
    const reading = parseBraiins({ summary: summary({ 'MHS 1m': 6e6 }), devs, devdetails, temps });
    expect(reading.boards).toEqual([board(0, 1, 101, 71), board(1, 2, 102, 72), board(2, 3, 103, 73)]);
    expect(reading.tempMaxC).toBe(73);
  });

  it('a real chip temperature wins over the board sensor (BOSminer docs S9 temps: Chip 108.9375)', () => {
    const temps = rows('TEMPS', [{ Board: 85.875, Chip: 108.9375, ID: 7, TEMP: 1 }]);
    const reading = parseBraiins({ summary: summary({ 'MHS 1m': 1e6 }), temps, devdetails: DOC_DEVDETAILS });
    expect(reading.boards.map((b) => b.tempC)).toEqual([null, 108.9375, null]);
    expect(reading.model).toBe('Antminer S9');
  });

  it('falls back from "MHS 1m" to "MHS 5m", then "MHS av"', () => {
    expect(parseBraiins({ summary: summary({ 'MHS 5m': 2e6, 'MHS av': 3e6, 'MHS 5s': 4e6 }) }).hashrateThs).toBe(2);
    expect(parseBraiins({ summary: summary({ 'MHS av': 3e6, 'MHS 5s': 4e6 }) }).hashrateThs).toBe(3);
  });

  it.each([
    ['paused: no hash rate, tuner at 0 W', 'sleeping', { 'MHS 1m': 0 }, { tuner: 0 }],
    ['paused: devdetails answers "Unavailable"', 'sleeping', { 'MHS 1m': 0 }, { unavailable: true }],
    ['no hash rate while the tuner draws power', 'error', { 'MHS 1m': 0 }, { tuner: 3100 }],
    ['hot chips and well below nominal', 'throttled', { 'MHS 1m': 5e6 }, { chip: 95 }],
    ['hot chips at full nominal rate', 'mining', { 'MHS 1m': 14e6 }, { chip: 95 }],
  ])('status: %s -> %s', (_what, expected, fields, x: { tuner?: number; unavailable?: boolean; chip?: number }) => {
    const replies: BraiinsReplies = {
      summary: summary(fields),
      devs: rows(
        'DEVS',
        [6, 7, 8].map((id) => ({ ID: id, 'Nominal MHS': 4668300 })),
      ),
      temps: x.chip ? rows('TEMPS', [{ Board: 70, Chip: x.chip, ID: 6 }]) : null,
      tunerstatus: x.tuner !== undefined ? rows('TUNERSTATUS', [{ ApproximateMinerPowerConsumption: x.tuner }]) : null,
      devdetails: x.unavailable ? { STATUS: [{ STATUS: 'S', Msg: 'Unavailable' }] } : null,
    };
    expect(parseBraiins(replies).status).toBe(expected);
  });

  it('throws "unexpected" without SUMMARY[0], without a hash rate, or with a negative one', () => {
    for (const s of [{ STATUS: [{ STATUS: 'S' }] }, summary({ Elapsed: 5 }), summary({ 'MHS 1m': -1 })]) {
      expect(() => parseBraiins({ summary: s })).toThrow(expect.objectContaining({ kind: 'unexpected' }));
    }
  });
});
