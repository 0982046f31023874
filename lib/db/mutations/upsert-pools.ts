/** Registers pool accounts by name (the demo's pool comes from the simulator's manifest). */
import { eq } from 'drizzle-orm';
import type { PoolConfig } from '../../domain/pool-config';
import type { Db } from '../client';
import { pools } from '../schema';
import { logChange } from './change-log';
import { sealPoolCredentials } from '../secret-fields';
import { writeTransaction } from '../transactions';

export type { PoolConfig };

/** Inserts or updates each pool by name in one transaction; returns how many were added. */
export function upsertPools(db: Db, configs: readonly PoolConfig[], nowMs: number): number {
  return writeTransaction(db, () => {
    let added = 0;
    for (const p of configs) {
      const values = {
        kind: p.kind,
        baseUrl: p.baseUrl,
        credentialsJson: sealPoolCredentials(db, p.kind, p.credentials),
        feePct: p.feePct,
        matchUrl: p.matchUrl,
      };
      const existing = db.orm.select({ id: pools.id }).from(pools).where(eq(pools.name, p.name)).get();
      if (existing) db.orm.update(pools).set(values).where(eq(pools.id, existing.id)).run();
      else {
        db.orm
          .insert(pools)
          .values({ ...values, name: p.name, createdAtMs: nowMs })
          .run();
        added++;
      }
    }
    if (added > 0) logChange(db, { tsMs: nowMs, kind: 'site-settings' });
    return added;
  });
}
