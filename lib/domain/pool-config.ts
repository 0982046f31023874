/** A pool account as a manifest, the settings or the API describe it (kind, endpoint, secrets, fee, matching). */
export interface PoolConfig {
  name: string;
  /** Adapter: one of POOL_KINDS (pool-kinds.ts), e.g. 'braiins'. */
  kind: string;
  baseUrl: string;
  /** Token, address, user name... as the adapter needs. */
  credentials: Record<string, string>;
  feePct: number;
  /** Rigs whose active pool URL contains this text count toward this pool. */
  matchUrl: string;
}
