/** Device specs as operators type them, and the messages a malformed one gets. */
import { describe, expect, it } from 'vitest';
import { formatEndpoint, parseDeviceSpec } from '../../../lib/net/device-spec';

describe('parseDeviceSpec', () => {
  it.each([
    ['10.0.0.5', { protocol: 'tcp', host: '10.0.0.5', port: null }],
    ['10.0.0.5:4028', { protocol: 'tcp', host: '10.0.0.5', port: 4028 }],
    [' miner-7.lan:4433 ', { protocol: 'tcp', host: 'miner-7.lan', port: 4433 }],
    ['[fe80::1]:4028', { protocol: 'tcp', host: 'fe80::1', port: 4028 }],
    ['fe80::1', { protocol: 'tcp', host: 'fe80::1', port: null }],
    ['http://10.0.0.5:8080', { protocol: 'http', host: '10.0.0.5', port: 8080 }],
    ['http://10.0.0.5', { protocol: 'http', host: '10.0.0.5', port: 80 }],
    ['HTTP://bitaxe.lan/', { protocol: 'http', host: 'bitaxe.lan', port: 80 }],
  ])('reads %j', (input, expected) => {
    expect(parseDeviceSpec(input)).toEqual(expected);
  });

  it.each([
    ['', /no device given/],
    ['10.0.0.256', /octet above 255/],
    ['10.0.0.5:0', /port "0" is not a number from 1 to 65535/],
    ['10.0.0.5:70000', /port "70000"/],
    ['10.0.0.5:abc', /port "abc"/],
    ['https://10.0.0.5', /miners serve plain HTTP/],
    ['ftp://10.0.0.5', /only http:\/\/ URLs/],
    ['http://10.0.0.5/api/system/info', /without a path/],
    ['miner_7!', /is not a host name or address/],
  ])('refuses %j with a message naming the problem', (input, message) => {
    expect(() => parseDeviceSpec(input)).toThrow(message);
  });

  it('formats endpoints for tables and messages', () => {
    expect(formatEndpoint('tcp', '10.0.0.5', 4028)).toBe('10.0.0.5:4028');
    expect(formatEndpoint('tcp', '::1', 4028)).toBe('[::1]:4028');
    expect(formatEndpoint('http', '10.0.0.5', 8080)).toBe('http://10.0.0.5:8080');
  });
});
