/**
 * Name resolution that refuses what a policy forbids: every address a host name resolves to is judged
 * (one forbidden address refuses the name: a mixed answer is how rebinding tricks start), and an IP
 * literal is judged as written. The resolver is injected, so tests can make a name resolve where they
 * need it; production uses the system's (getaddrinfo, so /etc/hosts counts).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { OutboundPolicy } from './outbound-policy';

/** One address to connect to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name (never an IP literal) to its addresses. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** A destination the policy forbids, or a name that cannot be resolved. */
export class OutboundRefused extends Error {
  constructor(
    message: string,
    /** 'policy': resolved to a forbidden address; 'unresolved': no address at all. */
    readonly reason: 'policy' | 'unresolved',
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** How long a name may take to resolve. */
export const RESOLVE_TIMEOUT_MS = 5_000;

/** The system resolver (getaddrinfo), bounded in time. */
export function systemResolve(timeoutMs: number = RESOLVE_TIMEOUT_MS): Resolve {
  return async (hostname) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEOUT' })), timeoutMs);
    });
    try {
      const found = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
      return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
    } finally {
      clearTimeout(timer);
    }
  };
}

/** `[::1]` → `::1`: URL hostnames keep IPv6 brackets. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * `resolve` with every answer judged by `policy`: resolves to the allowed addresses, or rejects with
 * OutboundRefused naming the host, the address and why.
 */
export function checkedResolve(resolve: Resolve, policy: OutboundPolicy): Resolve {
  return async (hostname) => {
    const host = bareHost(hostname);
    const family = isIP(host);
    let found: ResolvedAddress[];
    if (family !== 0) found = [{ address: host, family: family === 6 ? 6 : 4 }];
    else {
      try {
        found = await resolve(host);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        throw new OutboundRefused(`cannot resolve ${host}${typeof code === 'string' ? ` (${code})` : ''}`, 'unresolved');
      }
      if (found.length === 0) throw new OutboundRefused(`cannot resolve ${host} (no address)`, 'unresolved');
    }
    for (const a of found) {
      const problem = policy.problem(hostname, a.address);
      if (problem) throw new OutboundRefused(problem, 'policy');
    }
    return found;
  };
}
