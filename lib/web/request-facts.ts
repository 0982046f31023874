/**
 * What the web server believes about where a request came from: the client's address (for the login
 * rate limit), whether it arrived over HTTPS (for Secure cookies) and the origin it was addressed to (for
 * the CSRF check). X-Forwarded-For/-Proto/-Host count only when the connection comes from a trusted proxy.
 * Pure over the request's headers and socket facts.
 */
import { normaliseAddress } from '../net/normalise-address';

/** The header in which the gate hands Next the origin the browser addressed (a client's own copy is overwritten). */
export const ORIGIN_HEADER = 'x-hashwatt-origin';
/** The header in which the gate hands Next the client's address, as requestFacts believes it (a client's own copy is overwritten). */
export const CLIENT_ADDRESS_HEADER = 'x-hashwatt-client-address';

export interface RawRequestFacts {
  remoteAddress: string | undefined;
  encrypted: boolean;
  headers: Record<string, string | string[] | undefined>;
}

export interface RequestFacts {
  clientAddress: string;
  https: boolean;
  /** scheme://host as the browser addressed it. */
  origin: string;
}

function header(h: RawRequestFacts['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function requestFacts(raw: RawRequestFacts, trustedProxies: readonly string[]): RequestFacts {
  const remote = normaliseAddress(raw.remoteAddress ?? '');
  const viaProxy = trustedProxies.includes(remote);
  let clientAddress = remote;
  let https = raw.encrypted;
  let host = header(raw.headers, 'host') ?? 'localhost';
  if (viaProxy) {
    // The right-most address a trusted proxy did not add is the client.
    const chain = (header(raw.headers, 'x-forwarded-for') ?? '')
      .split(',')
      .map((s) => normaliseAddress(s.trim()))
      .filter(Boolean);
    while (chain.length > 0 && trustedProxies.includes(chain[chain.length - 1])) chain.pop();
    clientAddress = chain.pop() ?? remote;
    const proto = header(raw.headers, 'x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
    if (proto === 'https' || proto === 'http') https = proto === 'https';
    host = header(raw.headers, 'x-forwarded-host')?.split(',')[0].trim() || host;
  }
  return { clientAddress, https, origin: `${https ? 'https' : 'http'}://${host}` };
}
