/**
 * Where an outbound request may connect, judged on the address a name resolved to (never on the name
 * alone: a public-looking name may resolve to 127.0.0.1). Two policies:
 * - public only: Web Push endpoints, which any signed-in user registers;
 * - public, or listed by the operator: alert channels, which only admins set up and which legitimately go
 *   to LAN services (a self-hosted ntfy, Home Assistant, a mail relay). The list comes from the
 *   environment (HASHWATT_NOTIFY_PRIVATE_HOSTS), so an admin token alone cannot widen it.
 * Cloud metadata services are refused by both, listed or not. Pure.
 */
import { BlockList, isIP } from 'node:net';
import { ADDRESS_CLASS_LABEL, classifyAddress, unmapAddress } from './address-class';

/** Decides whether `address`, which `hostname` resolved to, may be reached. */
export interface OutboundPolicy {
  /** Why it may not be reached ("127.0.0.1 is a loopback address: ..."), or null when it may. */
  problem(hostname: string, address: string): string | null;
}

/** Host names and address ranges on the operator's own network that alert channels may reach. */
export interface PrivateHostList {
  /** Lower-case host names, matched exactly. */
  names: ReadonlySet<string>;
  ranges: BlockList;
  /** As the operator wrote them, for messages. */
  entries: readonly string[];
}

/** The environment variable that lists them. */
export const PRIVATE_HOSTS_VARIABLE = 'HASHWATT_NOTIFY_PRIVATE_HOSTS';

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/;

/**
 * Parses a comma-separated list of host names, IP addresses and CIDR ranges ("ntfy.lan, 192.168.1.0/24,
 * fd00::/8"). Throws an Error naming the first entry that is none of them.
 */
export function parsePrivateHosts(text: string | undefined): PrivateHostList {
  const ranges = new BlockList();
  const names = new Set<string>();
  const entries = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const entry of entries) {
    const [base, bitsText, extra] = entry.replace(/^\[(.*)\]$/, '$1').split('/');
    const family = isIP(base);
    if (family !== 0 && extra === undefined) {
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bitsText === undefined) ranges.addAddress(unmapAddress(base), type);
      else {
        const bits = Number(bitsText);
        if (!/^\d{1,3}$/.test(bitsText) || bits > (family === 4 ? 32 : 128))
          throw new Error(`${JSON.stringify(entry)} has no valid prefix length (e.g. 192.168.1.0/24)`);
        ranges.addSubnet(base, bits, type);
      }
    } else if (bitsText === undefined && HOST_NAME.test(entry.toLowerCase())) names.add(entry.toLowerCase().replace(/\.$/, ''));
    else
      throw new Error(
        `${JSON.stringify(entry)} is not a host name, an IP address or a CIDR range (e.g. ntfy.lan, 192.168.1.20, 192.168.1.0/24)`,
      );
  }
  return { names, ranges, entries };
}

/** An empty list: public addresses only. */
export const NO_PRIVATE_HOSTS: PrivateHostList = parsePrivateHosts('');

function listed(list: PrivateHostList, hostname: string, address: string): boolean {
  if (list.names.has(hostname.toLowerCase().replace(/\.$/, ''))) return true;
  const plain = unmapAddress(address);
  return list.ranges.check(plain, isIP(plain) === 4 ? 'ipv4' : 'ipv6');
}

function refusal(hostname: string, address: string, label: string): string {
  const plain = hostname.replace(/^\[(.*)\]$/, '$1');
  return plain === address ? `${address} is ${label}` : `${hostname} resolves to ${address}, ${label}`;
}

/** Public addresses only: what any signed-in user may make the server send to. */
export const PUBLIC_ONLY: OutboundPolicy = {
  problem(hostname, address) {
    const kind = classifyAddress(address);
    if (kind === 'public') return null;
    return refusal(hostname, address, kind ? ADDRESS_CLASS_LABEL[kind] : 'not an IP address');
  },
};

/** Public addresses, and private ones the operator listed (never a metadata service). */
export function publicOrListed(list: PrivateHostList): OutboundPolicy {
  return {
    problem(hostname, address) {
      const kind = classifyAddress(address);
      if (kind === 'public') return null;
      if (kind === 'metadata') return `${refusal(hostname, address, ADDRESS_CLASS_LABEL.metadata)}: never reached`;
      if (kind !== null && listed(list, hostname, address)) return null;
      const label = kind ? ADDRESS_CLASS_LABEL[kind] : 'not an IP address';
      return `${refusal(hostname, address, label)}: to send there, list it in ${PRIVATE_HOSTS_VARIABLE} (host names, addresses or ranges, comma separated)`;
    },
  };
}
