/** The settings screen's probe and scan requests: what is accepted, and the specific refusal of each bad field. */
import { describe, expect, it } from 'vitest';
import { parseDeviceRequestInput } from '../../../lib/rigs/device-request-input';

const sites = new Set([1, 2]);
const parse = (body: unknown) => parseDeviceRequestInput(body, (id) => sites.has(id));

describe('probe requests', () => {
  it('takes an address, an optional port and a site', () => {
    expect(parse({ kind: 'probe', address: ' 10.0.0.5 ', siteId: 1 })).toEqual({
      ok: true,
      value: { kind: 'probe', address: '10.0.0.5', port: null, siteId: 1 },
    });
    expect(parse({ kind: 'probe', address: 'miner-7.lan', port: '4028', siteId: '2' })).toEqual({
      ok: true,
      value: { kind: 'probe', address: 'miner-7.lan', port: 4028, siteId: 2 },
    });
    expect(parse({ kind: 'probe', address: '10.0.0.5', port: '', siteId: 1 })).toMatchObject({ ok: true, value: { port: null } });
  });

  it.each([
    [{ address: '', siteId: 1 }, 'address is required: an IPv4 address such as 10.0.0.5 or a host name'],
    [{ address: '10.0.0', siteId: 1 }, 'address: "10.0.0" is not an IPv4 address (four numbers from 0 to 255, like 10.0.0.5)'],
    [{ address: '10.0.0.300', siteId: 1 }, 'address: "10.0.0.300": 10.0.0.300 is not an IPv4 address (octet above 255)'],
    [{ address: '10.0.0.5:4028', siteId: 1 }, 'address: put the port in the port field, not after the address ("10.0.0.5:4028")'],
    [{ address: 'http://10.0.0.5', siteId: 1 }, 'address: give the bare address, not a URL ("http://10.0.0.5")'],
    [{ address: 'miner_7!', siteId: 1 }, 'address: "miner_7!": "miner_7!" is not a host name or address'],
    [{ address: '10.0.0.5', port: 0, siteId: 1 }, 'port: 0 is not a port from 1 to 65535'],
    [{ address: '10.0.0.5', port: '70000', siteId: 1 }, 'port: "70000" is not a port from 1 to 65535'],
    [{ address: '10.0.0.5', port: 'abc', siteId: 1 }, 'port: "abc" is not a port from 1 to 65535'],
    [{ address: '10.0.0.5' }, 'siteId is required: the site the rigs will belong to'],
    [{ address: '10.0.0.5', siteId: 9 }, 'siteId: there is no site 9'],
    [{ address: '10.0.0.5', siteId: -1 }, 'siteId: -1 is not a site id'],
    [{ address: '10.0.0.5', siteId: 1, range: '10.0.0.0/24' }, 'unknown field range for a probe (known: kind, address, port, siteId)'],
  ])('refuses %j', (body, message) => {
    expect(parse({ kind: 'probe', ...body })).toEqual({ ok: false, error: [message] });
  });

  it('reports every bad field at once', () => {
    const r = parse({ kind: 'probe', address: '1.2.3', port: 99999, siteId: 7 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.map((e) => e.split(/[: ]/)[0])).toEqual(['address', 'port', 'siteId']);
  });
});

describe('scan requests', () => {
  it('takes a CIDR block or a first-last range, ports as a list or text, defaults 4028, 4433, 80', () => {
    expect(parse({ kind: 'scan', range: '10.0.0.0/24', siteId: 1 })).toEqual({
      ok: true,
      value: { kind: 'scan', range: '10.0.0.0/24', ports: [4028, 4433, 80], siteId: 1 },
    });
    expect(parse({ kind: 'scan', range: '10.0.0.10 - 10.0.0.50', ports: '4028, 8080,4028', siteId: 1 })).toEqual({
      ok: true,
      value: { kind: 'scan', range: '10.0.0.10-10.0.0.50', ports: [4028, 8080], siteId: 1 },
    });
    expect(parse({ kind: 'scan', range: '10.0.0.0/20', ports: [4028], siteId: 2 })).toMatchObject({ ok: true });
  });

  it.each([
    [{ range: '' }, 'range is required: a CIDR block like 10.0.0.0/24 or a range like 10.0.0.10-10.0.0.50'],
    [{ range: '10.0.0.0/19' }, 'range: "10.0.0.0/19" has 8192 addresses; scan at most 4096 (a /20) at a time'],
    [{ range: '10.0.0.1-10.0.16.1' }, 'range: "10.0.0.1-10.0.16.1" has 4097 addresses; scan at most 4096 (a /20) at a time'],
    [{ range: '10.0.0.0/8' }, 'range: "10.0.0.0/8" has 16777216 addresses; scan at most 4096 (a /20) at a time'],
    [{ range: '10.0.0.x/24' }, 'range: "10.0.0.x/24": "10.0.0.x" is not an IPv4 address'],
    [{ range: '10.0.0.5/24' }, 'range: "10.0.0.5/24": 10.0.0.5 is not the start of a /24 block (did you mean 10.0.0.0/24?)'],
    [{ range: '10.0.0.50-10.0.0.10' }, 'range: "10.0.0.50-10.0.0.10": the range ends before it starts'],
    [{ range: '10.0.0.0/24', ports: '4028,x' }, 'ports: "x" is not a port from 1 to 65535'],
    [{ range: '10.0.0.0/24', ports: [4028, 65536] }, 'ports: 65536 is not a port from 1 to 65535'],
    [{ range: '10.0.0.0/24', ports: '1,2,3,4,5,6,7,8,9' }, 'ports: at most 8 ports per scan (got 9)'],
    [{ range: '10.0.0.0/24', ports: { a: 1 } }, 'ports: expected ports separated by commas, like 4028, 4433, 80'],
  ])('refuses %j', (body, message) => {
    expect(parse({ kind: 'scan', siteId: 1, ...body })).toEqual({ ok: false, error: [message] });
  });

  it('a /20 is the largest accepted block', () => {
    expect(parse({ kind: 'scan', range: '10.1.16.0/20', siteId: 1 })).toMatchObject({ ok: true });
    expect(parse({ kind: 'scan', range: '10.1.16.0-10.1.31.255', siteId: 1 })).toMatchObject({ ok: true });
  });
});

it.each([
  [null, 'the body must be a JSON object'],
  [[], 'the body must be a JSON object'],
  [{ kind: 'wipe' }, 'kind must be "probe" or "scan" (got "wipe")'],
  [{}, 'kind must be "probe" or "scan" (got null)'],
])('refuses the body %j', (body, message) => {
  expect(parse(body)).toEqual({ ok: false, error: [message] });
});
