/**
 * What kind of address an IP is, for deciding where an outbound request may go: public, or one of the
 * ranges a request from this server must not reach unasked (loopback, private, CGNAT, link-local,
 * unique-local, multicast, unspecified, reserved and cloud metadata services). IPv6 forms that carry an
 * IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that
 * IPv4 address, so `::ffff:127.0.0.1` is loopback. Pure.
 */

export type AddressClass =
  'public' | 'loopback' | 'private' | 'cgnat' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'reserved' | 'metadata';

/** How each class reads in a message: "127.0.0.1 is a loopback address". */
export const ADDRESS_CLASS_LABEL: Readonly<Record<AddressClass, string>> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  cgnat: 'a carrier-grade NAT (100.64.0.0/10) address',
  'link-local': 'a link-local address',
  'unique-local': 'a unique-local (fc00::/7) address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved or documentation address',
  metadata: 'a cloud metadata service address',
};

/**
 * Cloud instance metadata services (AWS, GCP, Azure, ECS and EKS task credentials, Alibaba, AWS IPv6).
 * They hand out credentials to whoever asks from the machine, so nothing is ever sent there.
 */
const METADATA_V4 = ['169.254.169.254', '169.254.170.2', '169.254.170.23', '100.100.100.200'];
const METADATA_V6 = ['fd00:ec2::254', 'fd00:ec2::23'];

/** The 4 bytes of a dotted IPv4 address, or null. */
export function parseIpv4(text: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** The 16 bytes of an IPv6 address (a zone id such as %eth0 is ignored), or null. */
export function parseIpv6(text: string): number[] | null {
  let address = text.replace(/%[^%]*$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return null;
  if (address.includes('.')) {
    // A trailing dotted IPv4 address stands for the last two groups: ::ffff:1.2.3.4 = ::ffff:102:304.
    const lastColon = address.lastIndexOf(':');
    const v4 = parseIpv4(address.slice(lastColon + 1));
    if (!v4) return null;
    address = `${address.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes;
}

const inV4 = (b: number[], [p0, p1, p2, p3]: number[], bits: number) => {
  const a = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  const p = ((p0 << 24) | (p1 << 16) | (p2 << 8) | p3) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (a & mask) === (p & mask);
};

/** Special IPv4 ranges, most specific first (RFC 6890 and its updates). */
const V4_RANGES: readonly [number[], number, AddressClass][] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'cgnat'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'reserved'],
  [[192, 88, 99, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'],
  [[198, 51, 100, 0], 24, 'reserved'],
  [[203, 0, 113, 0], 24, 'reserved'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

function classifyV4(bytes: number[]): AddressClass {
  if (METADATA_V4.some((m) => parseIpv4(m)!.every((b, i) => b === bytes[i]))) return 'metadata';
  return V4_RANGES.find(([prefix, bits]) => inV4(bytes, prefix, bits))?.[2] ?? 'public';
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const zeros = (n: number) => Array<number>(n).fill(0);

function classifyV6(bytes: number[]): AddressClass {
  if (METADATA_V6.some((m) => parseIpv6(m)!.every((b, i) => b === bytes[i]))) return 'metadata';
  if (bytes.every((b) => b === 0)) return 'unspecified';
  if (startsWith(bytes, [...zeros(15), 1])) return 'loopback';
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return classifyV4(bytes.slice(12)); // IPv4-mapped
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return classifyV4(bytes.slice(12)); // NAT64 well-known prefix
  if (startsWith(bytes, [0x20, 0x02])) return classifyV4(bytes.slice(2, 6)); // 6to4 carries an IPv4 address
  if (bytes[0] === 0xff) return 'multicast';
  if (bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0x80) return 'link-local';
  if (bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0xc0) return 'private'; // deprecated site-local fec0::/10
  if ((bytes[0] & 0xfe) === 0xfc) return 'unique-local';
  // Global unicast is 2000::/3; inside it, Teredo (2001::/32), benchmarking (2001:2::/48), ORCHID
  // (2001:10::/28, 2001:20::/28) and documentation (2001:db8::/32, 3fff::/20) are not destinations.
  if ((bytes[0] & 0xe0) !== 0x20) return 'reserved'; // IPv4-compatible ::a.b.c.d, discard 100::/64, ...
  if (startsWith(bytes, [0x20, 0x01, 0, 0])) return 'reserved';
  if (startsWith(bytes, [0x20, 0x01, 0, 0x02, 0, 0])) return 'reserved';
  if (startsWith(bytes, [0x20, 0x01, 0, 0x10]) || startsWith(bytes, [0x20, 0x01, 0, 0x20])) return 'reserved';
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8])) return 'reserved';
  if (bytes[0] === 0x3f && (bytes[1] & 0xf0) === 0xf0) return 'reserved';
  return 'public';
}

/** The class of `address` (IPv4 or IPv6, brackets allowed), or null when it is not an IP address. */
export function classifyAddress(address: string): AddressClass | null {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIpv4(text);
  if (v4) return classifyV4(v4);
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  return v6 ? classifyV6(v6) : null;
}

/** The IPv4 address an IPv4-mapped IPv6 address carries (`::ffff:10.0.0.1` → `10.0.0.1`), else the address itself. */
export function unmapAddress(address: string): string {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  return v6 && startsWith(v6, [...zeros(10), 0xff, 0xff]) ? v6.slice(12).join('.') : text;
}
