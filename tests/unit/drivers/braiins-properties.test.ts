/**
 * Properties of the Braiins parse path the driver uses (parseCgminerReply per reply, then parseBraiins):
 * whatever bytes arrive, the only failure is a DeviceError with a message, and a reading always has a
 * finite, non-negative hash rate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseBraiins, type BraiinsReplies } from '../../../collectors/drivers/braiins/parse';
import { DeviceError } from '../../../collectors/drivers/types';

type Command = Exclude<keyof BraiinsReplies, 'summary'> | 'summary';

const CAPTURES: Array<[Command, string]> = [
  ['summary', 'braiins-bosplus-s9-summary.json'],
  ['summary', 'braiins-bos-s9-summary.json'],
  ['summary', 'braiins-boser-s9-summary.truncated.json'],
  ['summary', 'braiins-boser-s9-error-invalid-json.truncated.json'],
  ['version', 'braiins-bosplus-s9-version.json'],
  ['version', 'braiins-bos-s9-version.json'],
  ['devs', 'braiins-bosplus-s9-devs.json'],
  ['pools', 'braiins-bosplus-s9-pools.json'],
  ['fans', 'braiins-bosplus-s9-fans.json'],
  ['temps', 'braiins-bosplus-s9-temps.json'],
];

const GOOD: Record<string, string> = {
  summary: fixtureText('braiins-bosplus-s9-summary.json'),
  version: fixtureText('braiins-bosplus-s9-version.json'),
  devs: fixtureText('braiins-bosplus-s9-devs.json'),
  pools: fixtureText('braiins-bosplus-s9-pools.json'),
  fans: fixtureText('braiins-bosplus-s9-fans.json'),
  temps: fixtureText('braiins-bosplus-s9-temps.json'),
};

/**
 * What the driver does with raw replies: the required summary must parse, an optional reply that fails to
 * parse is left out (optionalRunner), then parseBraiins.
 */
function parseRaw(raw: Partial<Record<Command, string>>) {
  const summary = parseCgminerReply(raw.summary ?? '', 'summary').body;
  const replies: BraiinsReplies = { summary };
  for (const [command, text] of Object.entries(raw) as Array<[Command, string]>) {
    if (command === 'summary') continue;
    try {
      replies[command] = parseCgminerReply(text, command).body;
    } catch (err) {
      if (!(err instanceof DeviceError)) throw err;
    }
  }
  return parseBraiins(replies);
}

/** Either a reading with a finite non-negative hash rate, or a DeviceError with a message; returns which. */
function outcome(run: () => ReturnType<typeof parseBraiins>): 'reading' | 'error' {
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

describe('Braiins parse path properties', () => {
  it.each(CAPTURES)('every truncation of the %s capture %s', (command, name) => {
    const text = fixtureText(name);
    const seen = new Set<string>();
    for (let cut = 0; cut <= text.length; cut++) {
      seen.add(outcome(() => parseRaw({ ...GOOD, [command]: text.slice(0, cut) })));
    }
    // A cut summary costs the reading; a cut optional reply only its own fields.
    expect(seen.has(command === 'summary' ? 'error' : 'reading')).toBe(true);
  });

  it('random strings as summary, or as any optional reply', () => {
    const commands = Object.keys(GOOD) as Command[];
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.string({ maxLength: 400 }), (command, junk) => {
        outcome(() => parseRaw({ ...GOOD, [command]: junk }));
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes as summary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(outcome(() => parseRaw({ summary: Buffer.from(bytes).toString('utf8') }))).toBe('error');
      }),
      { numRuns: 500 },
    );
  });

  it('well-formed JSON with arbitrary values in the fields the parser reads', () => {
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0, 1e308, '', '12.5', 'nan', null));
    const row = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const section = (name: string, keys: string[]) =>
      fc.oneof(fc.record({ [name]: fc.array(row(keys), { maxLength: 4 }) }), fc.record({ [name]: value }), fc.jsonValue());
    const replies = fc.record({
      summary: section('SUMMARY', ['MHS 1m', 'MHS 5m', 'MHS av', 'MHS 5s', 'Elapsed', 'Hardware Errors']),
      version: section('VERSION', ['API', 'BOSminer+', 'BOSer']),
      devs: section('DEVS', ['ID', 'MHS 1m', 'Nominal MHS']),
      devdetails: section('DEVDETAILS', ['ID', 'Chips', 'Model']),
      pools: section('POOLS', ['URL', 'User', 'Status', 'Accepted', 'Rejected']),
      fans: section('FANS', ['RPM']),
      temps: section('TEMPS', ['ID', 'Board', 'Chip']),
      tunerstatus: section('TUNERSTATUS', ['ApproximateMinerPowerConsumption']),
    });
    fc.assert(
      fc.property(replies, (r) => {
        outcome(() => parseBraiins(r as unknown as BraiinsReplies));
      }),
      { numRuns: 1000 },
    );
  });
});
