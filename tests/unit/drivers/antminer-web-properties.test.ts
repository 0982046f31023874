/**
 * Property tests of the Antminer web UI parse entry the driver uses (parseJsonReply, then
 * parseAntminerWeb): random bytes, random JSON, every truncation of each capture in each reply slot, and
 * captures with fields replaced give a reading with a finite non-negative hash rate or a DeviceError with a
 * message, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseAntminerWeb, type AntminerWebReplies } from '../../../collectors/drivers/antminer-web/parse';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { DeviceError } from '../../../collectors/drivers/types';

const CAPTURES = [
  'antminer-s19proplus-http-stats.cgi.json',
  'antminer-s21-http-summary.cgi.json',
  'antminer-s19pro-http-get_system_info.cgi.json',
  'antminer-s19-http-get_miner_conf.cgi.json',
];
const SLOTS: Array<keyof AntminerWebReplies> = ['stats', 'summary', 'pools', 'systemInfo', 'minerConf'];
const STATS = fixtureText(CAPTURES[0]);
const SUMMARY = fixtureText(CAPTURES[1]);

/** The driver's path: each body text through parseJsonReply, then parse. */
function viaDriverEntry(texts: Partial<Record<keyof AntminerWebReplies, string>>): 'reading' | 'error' {
  try {
    const replies: AntminerWebReplies = {};
    for (const [slot, text] of Object.entries(texts)) {
      replies[slot as keyof AntminerWebReplies] = parseJsonReply({ status: 200, headers: {}, text }, `GET ${slot}`, `http://m/${slot}`);
    }
    const r = parseAntminerWeb(replies);
    expect(Number.isFinite(r.hashrateThs) && r.hashrateThs >= 0).toBe(true);
    expect(r.boards.every((b, i) => b.index === i)).toBe(true);
    return 'reading';
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
    return 'error';
  }
}

describe('Antminer web parse entry never throws anything but a DeviceError', () => {
  it('random strings and bytes as stats and as summary', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void viaDriverEntry({ stats: s })),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void viaDriverEntry({ summary: s, stats: STATS })),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void viaDriverEntry({ stats: Buffer.from(b).toString('utf8') })),
      { numRuns: 300 },
    );
  });

  it('random JSON in every slot', () => {
    const text = fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null');
    fc.assert(
      fc.property(fc.tuple(text, text, text, text, text), (t) => {
        void viaDriverEntry(Object.fromEntries(SLOTS.map((slot, i) => [slot, t[i]])));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [CAPTURES[0], 'stats'],
    [CAPTURES[1], 'summary'],
    [CAPTURES[2], 'systemInfo'],
    [CAPTURES[3], 'minerConf'],
  ] as const)('every truncation of %s as %s (next to the other capture that carries a rate)', (name, slot) => {
    const text = fixtureText(name);
    const other = slot === 'summary' ? { stats: STATS } : { summary: SUMMARY };
    const outcomes = new Set<string>();
    for (let n = 0; n <= text.length; n++) outcomes.add(viaDriverEntry({ ...other, [slot]: text.slice(0, n) }));
    expect(outcomes.has('error')).toBe(true);
  });

  it.each(CAPTURES)('every 97th truncation of %s in every slot', (name) => {
    const text = fixtureText(name);
    for (let n = 0; n <= text.length; n += 97) for (const slot of SLOTS) void viaDriverEntry({ [slot]: text.slice(0, n) });
    expect(viaDriverEntry({ stats: text.slice(0, 1) })).toBe('error');
  });

  it('stats and summary captures with fields replaced by random JSON', () => {
    const stats = JSON.parse(STATS) as { STATS: Array<Record<string, unknown>> };
    const summary = JSON.parse(SUMMARY) as { SUMMARY: Array<Record<string, unknown>> };
    const chain0 = stats.STATS[0].chain as Array<Record<string, unknown>>;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(stats.STATS[0])), fc.jsonValue(), { maxKeys: 5 }),
        fc.dictionary(fc.constantFrom(...Object.keys(chain0[0])), fc.jsonValue(), { maxKeys: 5 }),
        fc.dictionary(fc.constantFrom(...Object.keys(summary.SUMMARY[0]), 'STATUS', 'INFO'), fc.jsonValue(), { maxKeys: 4 }),
        (sPatch, cPatch, mPatch) => {
          const s = { ...stats, STATS: [{ ...stats.STATS[0], chain: [{ ...chain0[0], ...cPatch }, ...chain0.slice(1)], ...sPatch }] };
          const m = { ...summary, SUMMARY: [{ ...summary.SUMMARY[0], ...mPatch }] };
          void viaDriverEntry({ stats: JSON.stringify(s), summary: JSON.stringify(m) });
        },
      ),
      { numRuns: 400 },
    );
  });
});
