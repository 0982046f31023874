/**
 * Properties of the LuxOS parse path the driver uses (parseCgminerReply per reply, then parseLuxos): the
 * only failure is a DeviceError with a message, and a reading always has a finite non-negative hash rate.
 * Fed the real Code 14 capture, every truncation of it, and (unverified) synthetic replies in the shapes
 * of protocols.md §1.5 with every truncation of them too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseLuxos, type LuxosReplies } from '../../../collectors/drivers/luxos/parse';
import { DeviceError } from '../../../collectors/drivers/types';

type Command = keyof LuxosReplies;
const CAPTURE = fixtureText('luxos-error-invalid-command.json');
const D = '"Description":"LUXminer 2026.4.3.192353-6ab4e5077"';

// unverified: synthetic reply texts (sorted keys like the capture), not captures.
const GOOD: Record<Command, string> = {
  summary: `{"STATUS":[{"Code":11,${D},"Msg":"Summary","STATUS":"S","When":1777894261}],"SUMMARY":[{"Elapsed":86400,"GHS 5s":137903.87,"Hardware Errors":12}],"id":1}`,
  version: `{"STATUS":[{"Code":22,${D},"Msg":"LUXminer versions","STATUS":"S","When":1777894261}],"VERSION":[{"API":"3.7","LUXminer":"2026.4.3.192353-6ab4e5077","Type":"Antminer S19 XP"}],"id":1}`,
  stats: `{"STATUS":[{"Code":70,${D},"Msg":"CGMiner stats","STATUS":"S","When":1777894261}],"STATS":[{"Type":"Antminer S19 XP"},{"GHS 5s":137903.87,"ID":"BTM_SOC0","chain_acn1":110,"chain_rate1":"46026.54","fan1":5030,"rate_unit":"GH","temp_chip1":"62-65-71-74","total_rateideal":140000}],"id":1}`,
  pools: `{"STATUS":[{"Code":7,${D},"Msg":"1 Pool(s)","STATUS":"S","When":1777894261}],"POOLS":[{"Accepted":5000,"Rejected":3,"Status":"Alive","URL":"stratum+tcp://pool.example:3333","User":"acct.w1"}],"id":1}`,
  power: `{"STATUS":[{"Code":0,${D},"Msg":"Power","STATUS":"S","When":1777894261}],"POWER":[{"Watts":2951}],"id":1}`,
  fans: `{"STATUS":[{"Code":202,${D},"Msg":"1 Fan(s)","STATUS":"S","When":1777894261}],"FANS":[{"ID":0,"RPM":5040,"Speed":78}],"id":1}`,
  temps: `{"STATUS":[{"Code":201,${D},"Msg":"1 Temp(s)","STATUS":"S","When":1777894261}],"TEMPS":[{"BottomLeft":71,"ID":0,"TopLeft":74}],"id":1}`,
};

/** The driver's path: summary must parse, a failing optional reply is left out, then parseLuxos. */
function parseRaw(raw: Partial<Record<Command, string>>) {
  const replies: LuxosReplies = { summary: parseCgminerReply(raw.summary ?? '', 'summary').body };
  for (const [command, text] of Object.entries(raw) as Array<[Command, string]>) {
    if (command === 'summary') continue;
    try {
      replies[command] = parseCgminerReply(text, command).body;
    } catch (err) {
      if (!(err instanceof DeviceError)) throw err;
    }
  }
  return parseLuxos(replies);
}

function outcome(run: () => ReturnType<typeof parseLuxos>): 'reading' | 'error' {
  try {
    const reading = run();
    expect(Number.isFinite(reading.hashrateThs)).toBe(true);
    expect(reading.hashrateThs).toBeGreaterThanOrEqual(0);
    return 'reading';
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
    return 'error';
  }
}

describe('LuxOS parse path properties', () => {
  it('the Code 14 capture and every truncation of it, as summary: always a DeviceError', () => {
    for (let cut = 0; cut <= CAPTURE.length; cut++)
      expect(outcome(() => parseRaw({ ...GOOD, summary: CAPTURE.slice(0, cut) }))).toBe('error');
  });

  it.each(Object.keys(GOOD).filter((c) => c !== 'summary'))(
    'the Code 14 capture and every truncation of it, as %s: still a reading',
    (command) => {
      for (let cut = 0; cut <= CAPTURE.length; cut++) {
        expect(outcome(() => parseRaw({ ...GOOD, [command]: CAPTURE.slice(0, cut) }))).toBe('reading');
      }
    },
  );

  it.each(Object.keys(GOOD) as Command[])('every truncation of the synthetic %s reply', (command) => {
    const text = GOOD[command];
    const seen = new Set<string>();
    for (let cut = 0; cut <= text.length; cut++) seen.add(outcome(() => parseRaw({ ...GOOD, [command]: text.slice(0, cut) })));
    expect(seen.has(command === 'summary' ? 'error' : 'reading')).toBe(true);
  });

  it('random strings in any reply, random bytes as summary', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(GOOD) as Command[])), fc.string({ maxLength: 400 }), (command, junk) => {
        outcome(() => parseRaw({ ...GOOD, [command]: junk }));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(outcome(() => parseRaw({ summary: Buffer.from(bytes).toString('utf8') }))).toBe('error');
      }),
      { numRuns: 500 },
    );
  });

  it('well-formed JSON with arbitrary values in the fields the parser reads', () => {
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0, 1e308, '', '12.5', '45-47-58-60', 'GH', null));
    const row = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const section = (name: string, keys: string[]) =>
      fc.oneof(fc.record({ [name]: fc.array(row(keys), { maxLength: 4 }) }), fc.record({ [name]: value }), fc.jsonValue());
    const replies = fc.record({
      summary: section('SUMMARY', ['GHS 5s', 'GHS av', 'Elapsed', 'Hardware Errors']),
      version: section('VERSION', ['LUXminer', 'Type', 'Miner']),
      stats: section('STATS', [
        'Type',
        'GHS 5s',
        'ID',
        'chain_acn1',
        'chain_rate1',
        'temp_chip1',
        'fan1',
        'rate_unit',
        'total_rateideal',
        'Mode',
      ]),
      pools: section('POOLS', ['URL', 'User', 'Status', 'Accepted', 'Rejected']),
      power: section('POWER', ['Watts']),
      fans: section('FANS', ['RPM']),
      temps: section('TEMPS', ['ID', 'TopLeft', 'BottomRight']),
    });
    fc.assert(
      fc.property(replies, (r) => {
        outcome(() => parseLuxos(r as unknown as LuxosReplies));
      }),
      { numRuns: 1000 },
    );
  });
});
