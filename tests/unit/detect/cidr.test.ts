/** Scan ranges: CIDR blocks, single addresses and first-last ranges, capped at a /16. */
import { describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4Range } from '../../../lib/net/cidr';

const range = (s: string) => {
  const r = parseIpv4Range(s);
  return { first: formatIpv4(r.first), last: formatIpv4(r.first + r.count - 1), count: r.count };
};

describe('parseIpv4Range', () => {
  it.each([
    ['10.0.0.0/24', { first: '10.0.0.1', last: '10.0.0.254', count: 254 }],
    ['10.0.0.0/16', { first: '10.0.0.1', last: '10.0.255.254', count: 65534 }],
    ['10.0.0.4/30', { first: '10.0.0.5', last: '10.0.0.6', count: 2 }],
    ['10.0.0.4/31', { first: '10.0.0.4', last: '10.0.0.5', count: 2 }],
    ['10.0.0.7/32', { first: '10.0.0.7', last: '10.0.0.7', count: 1 }],
    ['10.0.0.7', { first: '10.0.0.7', last: '10.0.0.7', count: 1 }],
    ['10.0.0.10-10.0.0.50', { first: '10.0.0.10', last: '10.0.0.50', count: 41 }],
    ['192.168.255.255/32', { first: '192.168.255.255', last: '192.168.255.255', count: 1 }],
    ['255.255.255.0/24', { first: '255.255.255.1', last: '255.255.255.254', count: 254 }],
  ])('%s', (input, expected) => {
    expect(range(input)).toEqual(expected);
  });

  it.each([
    ['', /no range given/],
    ['10.0.0.0/8', /has 16777216 addresses; scan at most 65536/],
    ['10.0.0.0/15', /scan at most 65536/],
    ['10.0.0.5/24', /10.0.0.5 is not the start of a \/24 block \(did you mean 10.0.0.0\/24\?\)/],
    ['10.0.0.0/33', /\/33 is not a prefix length/],
    ['10.0.0.0/x', /\/x is not a prefix length/],
    ['10.0.300.0/24', /octet above 255/],
    ['10.0.0.50-10.0.0.10', /ends before it starts/],
    ['10.0.0.0-10.2.0.0', /scan at most 65536/],
    ['hello', /is not an IPv4 address/],
  ])('refuses %j', (input, message) => {
    expect(() => parseIpv4Range(input)).toThrow(message);
  });
});
