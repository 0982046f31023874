/**
 * Properties of the Avalon parse path (fast-check): whatever bytes arrive, parseCgminerReply followed by
 * parseAvalon (the driver's path) or parseAvalonJoined either returns a reading with a finite,
 * non-negative hash rate or throws a DeviceError with a message; never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText as text } from '../../support/driver-fixtures';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseAvalon, parseAvalonJoined, type AvalonReplies } from '../../../collectors/drivers/avalon/parse';
import { parseMmId } from '../../../collectors/drivers/avalon/mm-id';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

/** Runs one parse; a reading must have a sane hash rate, an error must be a DeviceError with a message. */
function holds(run: () => Reading): void {
  let reading: Reading;
  try {
    reading = run();
  } catch (err) {
    if (!(err instanceof DeviceError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return;
  }
  expect(Number.isFinite(reading.hashrateThs)).toBe(true);
  expect(reading.hashrateThs).toBeGreaterThanOrEqual(0);
}

const bodyOf = (t: string, command: string) => parseCgminerReply(t, command).body;
const SLOTS = ['summary', 'version', 'stats', 'devs', 'pools'] as const;

const A1566: AvalonReplies = {
  version: bodyOf(text('avalon-a1566-version.json'), 'version'),
  stats: bodyOf(text('avalon-a1566-estats.json'), 'estats'),
  devs: bodyOf(text('avalon-a1566-devs.json'), 'devs'),
  pools: bodyOf(text('avalon-a1566-pools.json'), 'pools'),
};

/** The A1566 poll as the driver collects it, with one reply replaced by `t`. */
function a1566With(slot: (typeof SLOTS)[number], t: string): Reading {
  return parseAvalon({ ...A1566, [slot]: bodyOf(t, slot) });
}

const CAPTURES: Array<[string, (typeof SLOTS)[number] | 'joined']> = [
  ['avalon-a1566-version.json', 'version'],
  ['avalon-a1566-estats.json', 'stats'],
  ['avalon-a1566-stats.json', 'stats'],
  ['avalon-a1566-devs.json', 'devs'],
  ['avalon-a1566-pools.json', 'pools'],
  ['avalon-7xx-stats.json', 'stats'],
  ['avalon-8xx-stats.json', 'stats'],
  ['avalon-1047-pools+summary+stats.json', 'joined'],
];

describe('Avalon parse properties', () => {
  it('random text in any reply slot', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
      fc.json().map((j) => `,${j.slice(1)}`),
    );
    fc.assert(
      fc.property(textArb, fc.constantFrom(...SLOTS), (t, slot) => {
        holds(() => a1566With(slot, t));
        holds(() => parseAvalon({ [slot]: bodyOf(t, slot) }));
        holds(() => parseAvalonJoined(bodyOf(t, 'pools+summary+stats')));
      }),
      { numRuns: 400 },
    );
  });

  it.each(CAPTURES)('every truncation of %s', (name, slot) => {
    const full = text(name);
    for (let i = 0; i <= full.length; i++) {
      // The transport's parse runs once per reply; both readings below are built from its result.
      let b: Record<string, unknown>;
      try {
        b = bodyOf(full.slice(0, i), slot === 'joined' ? 'pools+summary+stats' : slot);
      } catch (err) {
        expect(err).toBeInstanceOf(DeviceError);
        expect((err as DeviceError).message).not.toBe('');
        continue;
      }
      if (slot === 'joined') holds(() => parseAvalonJoined(b));
      else {
        holds(() => parseAvalon({ ...A1566, [slot]: b }));
        holds(() => parseAvalon({ [slot]: b }));
      }
    }
  });

  it('random JSON values as reply bodies', () => {
    const bodyArb = fc.oneof(fc.jsonValue(), fc.object(), fc.anything());
    fc.assert(
      fc.property(fc.record({ summary: bodyArb, version: bodyArb, stats: bodyArb, devs: bodyArb, pools: bodyArb }), (r) => {
        holds(() => parseAvalon(r as AvalonReplies));
        if (typeof r.summary === 'object' && r.summary !== null) holds(() => parseAvalonJoined(r.summary as object));
      }),
      { numRuns: 400 },
    );
  });

  it('random MM ID blobs of real and junk tokens', () => {
    const key = fc.constantFrom(
      'GHSspd',
      'GHSavg',
      'GHSmm',
      'MGHS',
      'WU',
      'MTmax',
      'TMax',
      'Fan1',
      'Fan',
      'PS',
      'WALLPOWER',
      'TA',
      'PVT_T0',
      'MW0',
      'SoftOFF',
      'SYSTEMSTATU',
      'Elapsed',
      'HW',
      'Ver',
    );
    const value = fc.array(
      fc.oneof(
        fc.double().map(String),
        fc.integer().map(String),
        fc.constantFrom('inf', '-nan', 'nan', '1e309', '-1', '49%', ''),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 6 },
    );
    const blobArb = fc
      .array(fc.tuple(key, value), { maxLength: 25 })
      .map((tokens) => tokens.map(([k, v]) => `${k}[${v.join(' ').replace(/[[\]]/g, '')}]`).join(' '));
    fc.assert(
      fc.property(blobArb, fc.boolean(), (blob, withSummary) => {
        expect(() => parseMmId(blob)).not.toThrow();
        const stats = { STATUS: [{ STATUS: 'S' }], STATS: [{ STATS: 0, ID: 'AVA100', 'MM ID0': blob }] };
        const summary = withSummary ? { SUMMARY: [{ 'MHS 1m': 1e8 }] } : null;
        holds(() => parseAvalon({ stats, summary }));
      }),
      { numRuns: 500 },
    );
  });
});
