/** The PostgreSQL adapter of the cluster port (lib/storage/ports/cluster.ts). */
import type { PgHandle } from './handle';
import type { ClusterStore } from '../ports/cluster';

/** The cluster port over an open PostgreSQL pool. */
export function pgClusterStore(_handle: PgHandle): ClusterStore {
  return {};
}
