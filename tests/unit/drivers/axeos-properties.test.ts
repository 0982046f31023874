/**
 * Property tests of the AxeOS parse entry the driver uses (parseJsonReply, then parseAxeos): random bytes,
 * random JSON, every truncation of each capture and captures with fields replaced by random JSON give a
 * reading with a finite non-negative hash rate or a DeviceError with a message, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseAxeos } from '../../../collectors/drivers/axeos/parse';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { DeviceError } from '../../../collectors/drivers/types';

const CAPTURES = [
  'bitaxe-gamma-axeos-2.12.2-api-system-info.json',
  'bitaxe-gamma-axeos-api-system-asic.json',
  'bitaxe-axeos-api-system-statistics.docs.json',
  'nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json',
  'nerdqaxe-plusplus-nerdos-api-system-asic.json',
];

/** The driver's path from body text to reading; returns what came out. */
function viaDriverEntry(infoText: string, asic: unknown = null): 'reading' | 'error' {
  try {
    const info = parseJsonReply({ status: 200, headers: {}, text: infoText }, 'GET /api/system/info', 'http://bitaxe/api/system/info');
    const r = parseAxeos({ info, asic });
    expect(Number.isFinite(r.hashrateThs) && r.hashrateThs >= 0).toBe(true);
    expect(r.boards.every((b) => b.index >= 0)).toBe(true);
    return 'reading';
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
    return 'error';
  }
}

describe('AxeOS parse entry never throws anything but a DeviceError', () => {
  it('random strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void viaDriverEntry(s)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void viaDriverEntry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
  });

  it('random JSON, as info and as asic', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (info, asic) => void viaDriverEntry(JSON.stringify(info) ?? 'null', asic)),
      { numRuns: 500 },
    );
  });

  it.each(CAPTURES)('every truncation of %s', (name) => {
    const text = fixtureText(name);
    const outcomes = new Set<string>();
    for (let n = 0; n <= text.length; n++) outcomes.add(viaDriverEntry(text.slice(0, n)));
    expect(outcomes.has('error')).toBe(true); // the short prefixes at least
  });

  it.each(['bitaxe-gamma-axeos-2.12.2-api-system-info.json', 'nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json'])(
    '%s with any of its fields replaced by random JSON',
    (name) => {
      const base = JSON.parse(fixtureText(name)) as Record<string, unknown>;
      const keys = Object.keys(base);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: 6 }), (patch) => {
          void viaDriverEntry(JSON.stringify({ ...base, ...patch }));
        }),
        { numRuns: 400 },
      );
    },
  );
});
