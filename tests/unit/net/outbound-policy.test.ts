/** The two destination policies and the operator's list of private hosts, and the resolver that applies them. */
import { describe, expect, it } from 'vitest';
import { checkedResolve, OutboundRefused } from '../../../lib/net/checked-resolve';
import { parsePrivateHosts, PUBLIC_ONLY, publicOrListed } from '../../../lib/net/outbound-policy';

describe('parsePrivateHosts', () => {
  it('reads host names, addresses and CIDR ranges, comma separated', () => {
    const list = parsePrivateHosts(' ntfy.lan, 192.168.1.0/24 ,10.0.0.7, fd00::/8, [fe80::1], HomeAssistant.local. ');
    expect([...list.names]).toEqual(['ntfy.lan', 'homeassistant.local']);
    expect(list.entries).toHaveLength(6);
  });

  it.each([
    ['192.168.1.0/33', '"192.168.1.0/33" has no valid prefix length (e.g. 192.168.1.0/24)'],
    ['10.0.0.0/x', '"10.0.0.0/x" has no valid prefix length (e.g. 192.168.1.0/24)'],
    [
      'http://ntfy.lan',
      '"http://ntfy.lan" is not a host name, an IP address or a CIDR range (e.g. ntfy.lan, 192.168.1.20, 192.168.1.0/24)',
    ],
    ['ntfy.lan/24', '"ntfy.lan/24" is not a host name, an IP address or a CIDR range (e.g. ntfy.lan, 192.168.1.20, 192.168.1.0/24)'],
    ['*.lan', '"*.lan" is not a host name, an IP address or a CIDR range (e.g. ntfy.lan, 192.168.1.20, 192.168.1.0/24)'],
  ])('refuses %s', (text, message) => {
    expect(() => parsePrivateHosts(text)).toThrow(message);
  });
});

describe('policies', () => {
  const lan = publicOrListed(parsePrivateHosts('ntfy.lan, 192.168.1.0/24, 127.0.0.1, 169.254.0.0/16'));
  it.each([
    // hostname, address, public only, public or listed
    ['push.example', '8.8.8.8', null, null],
    ['192.168.1.20', '192.168.1.20', '192.168.1.20 is a private (RFC 1918) address', null],
    ['hooks.example', '192.168.1.20', 'hooks.example resolves to 192.168.1.20, a private (RFC 1918) address', null],
    [
      '192.168.2.20',
      '192.168.2.20',
      '192.168.2.20 is a private (RFC 1918) address',
      '192.168.2.20 is a private (RFC 1918) address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS (host names, addresses or ranges, comma separated)',
    ],
    ['ntfy.lan', '10.9.9.9', 'ntfy.lan resolves to 10.9.9.9, a private (RFC 1918) address', null],
    ['NTFY.lan', '10.9.9.9', 'NTFY.lan resolves to 10.9.9.9, a private (RFC 1918) address', null],
    ['127.0.0.1', '127.0.0.1', '127.0.0.1 is a loopback address', null],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1', '::ffff:127.0.0.1 is a loopback address', null],
    [
      '127.0.0.2',
      '127.0.0.2',
      '127.0.0.2 is a loopback address',
      '127.0.0.2 is a loopback address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS (host names, addresses or ranges, comma separated)',
    ],
    [
      '169.254.169.254',
      '169.254.169.254',
      '169.254.169.254 is a cloud metadata service address',
      '169.254.169.254 is a cloud metadata service address: never reached',
    ],
    [
      'ntfy.lan',
      '169.254.169.254',
      'ntfy.lan resolves to 169.254.169.254, a cloud metadata service address',
      'ntfy.lan resolves to 169.254.169.254, a cloud metadata service address: never reached',
    ],
  ])('%s at %s', (hostname, address, publicOnly, listed) => {
    expect(PUBLIC_ONLY.problem(hostname, address)).toBe(publicOnly);
    expect(lan.problem(hostname, address)).toBe(listed);
  });
});

describe('checkedResolve', () => {
  const dns = checkedResolve(async (host) => {
    if (host === 'mixed.test')
      return [
        { address: '8.8.8.8', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ];
    if (host === 'good.test')
      return [
        { address: '8.8.8.8', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ];
    if (host === 'empty.test') return [];
    throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
  }, PUBLIC_ONLY);
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as OutboundRefused,
    );

  it('passes a name whose every address is allowed, and an allowed literal without asking DNS', async () => {
    expect(await dns('good.test')).toEqual([
      { address: '8.8.8.8', family: 4 },
      { address: '2606:4700::1111', family: 6 },
    ]);
    expect(await dns('[2606:4700::1111]')).toEqual([{ address: '2606:4700::1111', family: 6 }]);
  });

  it('refuses a name with one forbidden address among public ones, and a forbidden literal', async () => {
    expect(await refusal(dns('mixed.test'))).toMatchObject({
      reason: 'policy',
      message: 'mixed.test resolves to 10.0.0.1, a private (RFC 1918) address',
    });
    expect(await refusal(dns('[::1]'))).toMatchObject({ reason: 'policy', message: '::1 is a loopback address' });
  });

  it('says when a name does not resolve', async () => {
    expect(await refusal(dns('gone.test'))).toMatchObject({ reason: 'unresolved', message: 'cannot resolve gone.test (ENOTFOUND)' });
    expect(await refusal(dns('empty.test'))).toMatchObject({ reason: 'unresolved', message: 'cannot resolve empty.test (no address)' });
  });
});
