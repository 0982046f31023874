/** The SQLite adapter of the cluster port (lib/storage/ports/cluster.ts). */
import type { Db } from '../../db/client';
import type { ClusterStore } from '../ports/cluster';

/** The cluster port over an open SQLite database. */
export function sqliteClusterStore(_handle: Db): ClusterStore {
  return {};
}
