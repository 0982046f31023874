/**
 * The one contract every pool adapter meets: read one account and report it as PoolAccountState (TH/s,
 * integer satoshis). Adding a pool is one file, its entry in lib/domain/pool-kinds.ts and a row in index.ts.
 */
import type { PoolAccountState } from '../../../lib/domain/network';
import { SourceError, type HttpOptions } from '../http';

/** A pool row as an adapter needs it: where to ask and with what (token, address, key...). */
export interface PoolAccountRef {
  baseUrl: string;
  credentials: Record<string, string>;
}

/** Per-request options (timeout, injected fetch) plus the clock, for adapters that sign requests. */
export interface PoolFetchOptions extends HttpOptions {
  nowMs: number;
}

/** One pool's account API. */
export interface PoolAdapter {
  /** The pools.kind value this adapter serves, e.g. 'braiins'. */
  kind: string;
  /** Public API base used when the row leaves base_url empty. */
  defaultBaseUrl: string;
  /** Credential keys the adapter requires (checked before any request). */
  credentialKeys: readonly string[];
  fetchAccount(pool: PoolAccountRef, opts: PoolFetchOptions): Promise<PoolAccountState>;
}

/** The credential `key`, or a config SourceError naming the pool kind and the key. */
export function credential(pool: PoolAccountRef, kind: string, key: string): string {
  const value = pool.credentials[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SourceError('config', `${kind} pool needs credentials.${key}`);
  }
  return value.trim();
}
