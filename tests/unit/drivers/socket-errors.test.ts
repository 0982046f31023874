/**
 * What each socket error code means to an operator (the codes a loopback test cannot produce portably:
 * unreachable hosts, names that do not resolve), and the safe snippet of bytes shown for garbage.
 */
import { describe, expect, it } from 'vitest';
import { snippet, socketError, stallError } from '../../../collectors/drivers/socket-errors';

const err = (code: string, message = `connect ${code} 10.0.0.5:4028`): NodeJS.ErrnoException => Object.assign(new Error(message), { code });

describe('socketError', () => {
  it.each([
    ['ECONNREFUSED', 0, 'refused', '10.0.0.5:4028 refused the connection for "stats" (ECONNREFUSED)'],
    ['EHOSTUNREACH', 0, 'unreachable', '10.0.0.5:4028 is unreachable (EHOSTUNREACH) for "stats"'],
    ['ENETUNREACH', 0, 'unreachable', '10.0.0.5:4028 is unreachable (ENETUNREACH) for "stats"'],
    ['ENOTFOUND', 0, 'unreachable', 'the host name of 10.0.0.5:4028 does not resolve (ENOTFOUND) for "stats"'],
    ['ETIMEDOUT', 0, 'timeout', 'connection to 10.0.0.5:4028 for "stats" timed out (ETIMEDOUT)'],
    ['ECONNRESET', 0, 'reset', 'connection reset by 10.0.0.5:4028 before any reply to "stats"'],
    ['ECONNRESET', 312, 'reset', 'connection reset by 10.0.0.5:4028 after 312 bytes of the reply to "stats"'],
    ['EPIPE', 0, 'reset', 'connection reset by 10.0.0.5:4028 before any reply to "stats"'],
  ])('%s after %i bytes is %s', (code, bytes, kind, message) => {
    const e = socketError(err(code), '"stats"', '10.0.0.5:4028', bytes);
    expect([e.kind, e.message]).toEqual([kind, message]);
  });

  it('an unknown code keeps the code and the system message', () => {
    const e = socketError(err('EADDRNOTAVAIL', 'connect EADDRNOTAVAIL'), '"stats"', '10.0.0.5:4028', 0);
    expect([e.kind, e.message]).toEqual([
      'refused',
      'connection to 10.0.0.5:4028 for "stats" failed (EADDRNOTAVAIL: connect EADDRNOTAVAIL)',
    ]);
  });
});

describe('stallError', () => {
  it.each([
    [false, 0, 'no connection to 10.0.0.5:4028 for "stats" within 3000 ms'],
    [true, 0, 'no reply to "stats" from 10.0.0.5:4028 within 3000 ms'],
    [true, 512, 'reply to "stats" from 10.0.0.5:4028 incomplete after 3000 ms (512 bytes received)'],
  ])('connected %s, %i bytes', (connected, bytes, message) => {
    const e = stallError('"stats"', '10.0.0.5:4028', 3000, connected, bytes);
    expect([e.kind, e.message]).toEqual(['timeout', message]);
  });
});

describe('snippet', () => {
  it('blanks control bytes and cuts long text with an ellipsis', () => {
    expect(snippet(Buffer.from([0x48, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x7f]))).toBe('"H  [2J "');
    expect(snippet('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
  });
});
