/**
 * The Avalon quirks protocols.md §1.1 and §1.8 list, each through the same entry the driver uses
 * (parseCgminerReply on the raw text, then parseAvalon / parseAvalonJoined).
 */
import { describe, expect, it } from 'vitest';
import { fixtureBody as body, fixtureText as text } from '../../support/driver-fixtures';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseAvalon, parseAvalonJoined, splitJoinedReply } from '../../../collectors/drivers/avalon/parse';
import { mmModules, mmNum, parseMmId } from '../../../collectors/drivers/avalon/mm-id';
import { DeviceError } from '../../../collectors/drivers/types';

const raw = (t: string, command = 'summary') => parseCgminerReply(t, command).body;

/** The summary part of the A1047 joined capture as its own reply text. */
function summaryText(): string {
  const joined = JSON.parse(text('avalon-1047-pools+summary+stats.json')) as { summary: object[] };
  return JSON.stringify(joined.summary[0]);
}

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message).not.toBe('');
    return (err as DeviceError).kind;
  }
  return 'no error';
}

describe('Avalon quirks', () => {
  it('multi-command reply: one key per command, each a one-element array holding a full reply', () => {
    const joined = body('avalon-1047-pools+summary+stats.json');
    const parts = splitJoinedReply(joined);
    expect(Object.keys(parts).sort()).toEqual(['pools', 'stats', 'summary']);
    expect(parts.summary).toMatchObject({ STATUS: [{ STATUS: 'S', Code: 11 }], SUMMARY: [{ 'MHS 1m': 28134393.97 }] });
    expect(parts.pools).toMatchObject({ STATUS: [{ Code: 7 }] });
  });

  it('multi-command reply: a failed summary part fails the reading, a failed stats part is left out', () => {
    const joined = JSON.parse(text('avalon-1047-pools+summary+stats.json')) as Record<string, unknown>;
    const failed = [{ STATUS: [{ STATUS: 'E', When: 168, Code: 14, Msg: 'Invalid command', Description: 'cgminer 4.11.1' }], id: 1 }];
    expect(kindOf(() => parseAvalonJoined({ ...joined, summary: failed }))).toBe('api-error');
    const noStats = parseAvalonJoined({ ...joined, stats: failed });
    expect(noStats.hashrateThs).toBeCloseTo(28134393.97 / 1e6, 9);
    expect(noStats.boards).toEqual([]);
    expect(noStats.model).toBe('Avalon'); // only the MM ID names the A1047
  });

  it('bare inf/nan in a reply become unknown, so the next hash-rate window is used', () => {
    const withInf = summaryText().replace('"MHS 1m":28134393.97', '"MHS 1m":inf');
    expect(withInf).toContain(':inf');
    expect(parseAvalon({ summary: raw(withInf) }).hashrateThs).toBeCloseTo(32247416.81 / 1e6, 9); // "MHS 30s"
    const withNan = summaryText().replace('"MHS 1m":28134393.97', '"MHS 1m":nan').replace('"MHS 30s":32247416.81', '"MHS 30s":-nan');
    expect(parseAvalon({ summary: raw(withNan) }).hashrateThs).toBeCloseTo(10769774.69 / 1e6, 9); // "MHS 5m"
  });

  it('inf inside the MM ID blob is not a number either', () => {
    const stats = { STATS: [{ ID: 'AVA100', 'MM ID0': 'GHSspd[inf] GHSavg[184007.00] GHSmm[nan] WALLPOWER[inf]' }] };
    const reading = parseAvalon({ stats });
    expect(reading.hashrateThs).toBeCloseTo(184.007, 9);
    expect(reading.expectedHashrateThs).toBeNull();
    expect(reading.powerSource).not.toBe('firmware');
  });

  it('a reply that starts with "," (garbage start) is repaired', () => {
    const t = summaryText();
    const garbled = `,${t.slice(1)}`;
    expect(() => JSON.parse(garbled)).toThrow();
    expect(parseAvalon({ summary: raw(garbled) }).hashrateThs).toBeCloseTo(28134393.97 / 1e6, 9);
  });

  it('a trailing NUL (cgminer framing) is accepted', () => {
    const reading = parseAvalon({ stats: raw(`${text('avalon-a1566-estats.json')}\u0000`, 'estats') });
    expect(reading.expectedHashrateThs).toBeCloseTo(201.92042, 9);
  });

  it('"When" is seconds since boot, not a clock: uptime comes from Elapsed and When changes nothing', () => {
    const version = body('avalon-a1566-version.json') as { STATUS: Array<{ When: number }> };
    expect(version.STATUS[0].When).toBe(986);
    const stats = body('avalon-a1566-estats.json') as { STATUS: Array<{ When: number }> };
    const asBoot = parseAvalon({ version, stats });
    const asClock = parseAvalon({
      version: { ...version, STATUS: [{ ...version.STATUS[0], When: 1_735_689_600 }] },
      stats: { ...stats, STATUS: [{ ...stats.STATUS[0], When: 1_735_689_600 }] },
    });
    expect(asBoot.uptimeS).toBe(975);
    expect(asClock).toEqual(asBoot);
  });

  it('devs "Temperature" -273 is a placeholder and never read', () => {
    const devs = body('avalon-a1566-devs.json') as { DEVS: Array<Record<string, unknown>> };
    expect(devs.DEVS[0].Temperature).toBe(-273);
    const reading = parseAvalon({ devs });
    expect(reading.tempMaxC).toBeNull();
    expect(reading.boards).toEqual([]);
    expect(parseAvalon({ devs: { DEVS: [{ ...devs.DEVS[0], Temperature: 61 }] } }).tempMaxC).toBeNull();
  });

  it("an MM ID blob prefixed with 'STATS': parses like one without", () => {
    const blob = (body('avalon-a1566-estats.json') as { STATS: Array<Record<string, string>> }).STATS[0]['MM ID0'];
    const prefixed = parseMmId(`'STATS': ${blob}`);
    expect([...prefixed.entries()]).toEqual([...parseMmId(blob).entries()]);
    expect(mmNum(prefixed, 'WALLPOWER')).toBe(3731);
  });

  it('MM ID tokens keep spaces, colons and commas inside the brackets; empty ones are empty', () => {
    const blob = parseMmId(
      'SYSTEMSTATU[Work: In Work, Hash Board: 3 ] FACOPTS0[] DH[1.299%] ATAOPTS0[--avalon10-freq 240:258 --hash-asic 160]',
    );
    expect(blob.get('SYSTEMSTATU')).toBe('Work: In Work, Hash Board: 3 ');
    expect(blob.get('FACOPTS0')).toBe('');
    expect(mmNum(blob, 'DH')).toBe(1.299);
    expect(blob.get('ATAOPTS0')).toBe('--avalon10-freq 240:258 --hash-asic 160');
  });

  it('older MM ID1..n modules come in STATS row order, then by number (MM ID10 after MM ID2)', () => {
    const stats = {
      STATS: [
        { ID: 'AV70', 'MM ID10': 'Elapsed[10]', 'MM ID2': 'Elapsed[2]', 'MM ID1': 'Elapsed[1]' },
        { ID: 'AV71', 'MM ID1': 'Elapsed[11]' },
      ],
    };
    expect(mmModules(stats).map((m) => `${m.rowId}/${m.key}/${mmNum(m.blob, 'Elapsed')}`)).toEqual([
      'AV70/MM ID1/1',
      'AV70/MM ID2/2',
      'AV70/MM ID10/10',
      'AV71/MM ID1/11',
    ]);
    expect(mmModules(body('avalon-8xx-stats.json')).map((m) => m.key)).toEqual(['MM ID1', 'MM ID2', 'MM ID3']);
  });
});
