import { isIP } from 'node:net';

/** `::ffff:10.0.0.1` → `10.0.0.1`; other addresses unchanged. */
export function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
