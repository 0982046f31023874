/**
 * IPv4 ranges for `hashwatt scan`: "10.0.0.0/24", "10.0.0.7" (one address) or "10.0.0.10-10.0.0.50".
 * Pure. At most a /16 (65,536 addresses) by default: a bigger range is almost always a typo and would take
 * hours; callers may cap lower (the settings screen scans at most a /20).
 */

/** The largest range scan accepts. */
export const MAX_SCAN_ADDRESSES = 65_536;

/** A parsed range: `count` consecutive addresses from `first` (as a 32-bit unsigned number). */
export interface Ipv4Range {
  first: number;
  count: number;
}

function parseIpv4(s: string, input: string): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) throw new Error(`"${input}": ${JSON.stringify(s.trim())} is not an IPv4 address`);
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) throw new Error(`"${input}": ${s.trim()} has an octet above 255`);
  return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

/** "10.0.0.5" from its number. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 0xff).join('.');
}

/** "scan at most 4096 (a /20) at a time" for a cap of 4096. */
function tooLarge(input: string, count: number, maxAddresses: number): Error {
  const prefix = 32 - Math.floor(Math.log2(maxAddresses));
  return new Error(`"${input}" has ${count} addresses; scan at most ${maxAddresses} (a /${prefix}) at a time`);
}

/**
 * Parses the range, refusing one of more than `maxAddresses`. For a CIDR block of /30 or wider the network
 * and broadcast addresses are left out (no device answers there); /31 and /32 keep every address.
 */
export function parseIpv4Range(input: string, maxAddresses: number = MAX_SCAN_ADDRESSES): Ipv4Range {
  const s = input.trim();
  if (s === '') throw new Error('no range given: expected a CIDR block like 10.0.0.0/24');
  if (s.includes('-')) {
    const [a, b, ...rest] = s.split('-');
    if (rest.length) throw new Error(`"${input}": a range has one dash: 10.0.0.10-10.0.0.50`);
    const first = parseIpv4(a, input);
    const last = parseIpv4(b, input);
    if (last < first) throw new Error(`"${input}": the range ends before it starts`);
    const count = last - first + 1;
    if (count > maxAddresses) throw tooLarge(input, count, maxAddresses);
    return { first, count };
  }
  const [addr, prefixRaw, ...rest] = s.split('/');
  if (rest.length) throw new Error(`"${input}" is not a CIDR block like 10.0.0.0/24`);
  const base = parseIpv4(addr, input);
  if (prefixRaw === undefined) return { first: base, count: 1 };
  if (!/^\d{1,2}$/.test(prefixRaw) || Number(prefixRaw) > 32)
    throw new Error(`"${input}": /${prefixRaw} is not a prefix length from 0 to 32`);
  const prefix = Number(prefixRaw);
  const size = 2 ** (32 - prefix);
  // A block's usable count (size - 2) is compared, so a /20 fits a cap of 4096.
  if ((prefix <= 30 ? size - 2 : size) > maxAddresses) throw tooLarge(input, size, maxAddresses);
  const network = Math.floor(base / size) * size;
  if (network !== base)
    throw new Error(`"${input}": ${addr} is not the start of a /${prefix} block (did you mean ${formatIpv4(network)}/${prefix}?)`);
  return prefix <= 30 ? { first: network + 1, count: size - 2 } : { first: network, count: size };
}
