/**
 * The btminer v2 privileged handshake, read side: get_token (whatsminer-get_token.json, values read off the
 * capture by hand) and the encrypted reply to a write (whatsminer-enc-reply.json).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBody, fixtureText } from '../../support/driver-fixtures';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { assertNotEncrypted, parseBtminerToken } from '../../../collectors/drivers/whatsminer/privileged';
import { DeviceError } from '../../../collectors/drivers/types';

function kindOf(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return [(err as DeviceError).kind, (err as DeviceError).message];
  }
  throw new Error('expected a DeviceError');
}

describe('parseBtminerToken', () => {
  it('reads time, salt and newsalt of the get_token capture (Code 134)', () => {
    expect(parseBtminerToken(fixtureBody('whatsminer-get_token.json'))).toEqual({ time: '6915', salt: 'BQ5hoXV9', newsalt: 'a5TtWui2' });
  });

  it('an encrypted reply is an api-error that says writes are not used', () => {
    const enc = fixtureBody('whatsminer-enc-reply.json');
    const expected = ['api-error', 'encrypted reply: API writes are not used by Hashwatt'];
    expect(kindOf(() => parseBtminerToken(enc))).toEqual(expected);
    expect(kindOf(() => assertNotEncrypted(enc))).toEqual(expected);
    expect(() => assertNotEncrypted(fixtureBody('whatsminer-get_token.json'))).not.toThrow();
  });

  it('STATUS E is an api-error; a missing field is unexpected and named', () => {
    expect(kindOf(() => parseBtminerToken({ STATUS: 'E', Code: 23, Msg: 'invalid cmd' }))).toEqual([
      'api-error',
      'get_token refused: invalid cmd (code 23)',
    ]);
    expect(kindOf(() => parseBtminerToken({ STATUS: 'S', Msg: { time: '1', salt: 'a' } }))).toEqual([
      'unexpected',
      'get_token reply has no Msg.newsalt',
    ]);
    expect(kindOf(() => parseBtminerToken({ STATUS: 'S', Msg: 'x' }))[0]).toBe('unexpected');
    expect(kindOf(() => parseBtminerToken([1]))[0]).toBe('unexpected');
  });

  it('a numeric time is kept as its decimal string', () => {
    expect(parseBtminerToken({ STATUS: 'S', Msg: { time: 6915, salt: 's', newsalt: 'n' } }).time).toBe('6915');
  });
});

describe('privileged parse entry never throws anything but a DeviceError', () => {
  const viaEntry = (text: string) => {
    try {
      const t = parseBtminerToken(parseCgminerReply(text, 'get_token').body);
      expect(typeof t.salt).toBe('string');
      return 'token';
    } catch (err) {
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).message.length).toBeGreaterThan(0);
      return 'error';
    }
  };

  it('random strings, bytes and JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => void viaEntry(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => void viaEntry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void viaEntry(JSON.stringify(v) ?? 'null')),
      { numRuns: 300 },
    );
  });

  it.each(['whatsminer-get_token.json', 'whatsminer-enc-reply.json'])('every truncation of %s', (name) => {
    const text = fixtureText(name);
    const outcomes = new Set<string>();
    for (let n = 0; n <= text.length; n++) outcomes.add(viaEntry(text.slice(0, n)));
    expect(outcomes.has('error')).toBe(true);
  });
});
